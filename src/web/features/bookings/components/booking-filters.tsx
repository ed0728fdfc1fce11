// The bookings filter bar: day, status and, for admins, courier and partner.
import { STATUS_LOOK, STATUS_ORDER, isBookingStatus } from '../../../lib/booking-status';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import type { CourierOption } from '../api/courier-options-api';
import type { BookingFilter } from '../hooks/bookings-state';

import type { PartnerOption } from '../hooks/use-filter-options';

export type BookingFiltersProps = {
  value: BookingFilter;
  onChange: (filter: BookingFilter) => void;
  /** Omit to hide the courier filter. */
  couriers?: CourierOption[];
  /** Omit to hide the partner filter. */
  partners?: PartnerOption[];
};

export function BookingFilters({ value, onChange, couriers, partners }: BookingFiltersProps) {
  const today = useCompanyCalendar().today();
  return (
    <form className="filters" role="search" aria-label="Filter bookings" onSubmit={(e) => e.preventDefault()}>
      <label className="control">
        <span className="control__label">Day</span>
        <span className="control__row">
          <input
            type="date"
            required
            value={value.day ?? ''}
            data-testid="filter-day"
            // The API lists by day; an emptied date input keeps the current day.
            onChange={(event) => {
              if (event.target.value) onChange({ ...value, day: event.target.value });
            }}
          />
          {value.day !== today && (
            <button type="button" className="button button--ghost" onClick={() => onChange({ ...value, day: today })}>
              Today
            </button>
          )}
        </span>
      </label>
      <label className="control">
        <span className="control__label">Status</span>
        <select
          value={value.status ?? ''}
          data-testid="filter-status"
          onChange={(event) => {
            const status = event.target.value;
            onChange({ ...value, status: isBookingStatus(status) ? status : undefined });
          }}
        >
          <option value="">All statuses</option>
          {STATUS_ORDER.map((status) => (
            <option key={status} value={status}>
              {STATUS_LOOK[status].label}
            </option>
          ))}
        </select>
      </label>
      {couriers && (
        <label className="control">
          <span className="control__label">Courier</span>
          <select
            value={value.courierId ?? ''}
            data-testid="filter-courier"
            onChange={(event) => onChange({ ...value, courierId: event.target.value || undefined })}
          >
            <option value="">All couriers</option>
            {couriers.map((courier) => (
              <option key={courier.id} value={courier.id}>
                {courier.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {partners && (
        <label className="control">
          <span className="control__label">Partner</span>
          <select
            value={value.partnerId ?? ''}
            data-testid="filter-partner"
            onChange={(event) => onChange({ ...value, partnerId: event.target.value || undefined })}
          >
            <option value="">All partners</option>
            {partners.map((partner) => (
              <option key={partner.id} value={partner.id}>
                {partner.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </form>
  );
}
