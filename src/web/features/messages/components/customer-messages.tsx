// Customer SMS on the Messages page (Req 11.8): what each customer was told and when, newest first: what End User
// Messaging SMS was asked to send (locally the gateway's emulator, which accepts each text and delivers it nowhere).
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { countOf, PagedListView } from '../../../components/list-footer';
import { StatusBadge } from '../../../components/status-badge';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import { useSentMessages } from '../hooks/use-sent-messages';

const DELIVERY_LABEL: Record<string, string> = {
  OUTBOX: 'In outbox',
  SENT: 'Sent',
  OPTED_OUT: 'Opted out',
  FAILED: 'Failed',
};

export function CustomerMessages() {
  const calendar = useCompanyCalendar();
  const [params, setParams] = useSearchParams();
  const reference = params.get('booking');
  const [draft, setDraft] = useState(reference ?? '');
  const list = useSentMessages(reference);

  const applyFilter = (value: string) => {
    const next = value.trim().toUpperCase();
    setParams(next ? { booking: next } : {});
  };

  return (
    <>
      <form
        className="filters"
        role="search"
        aria-label="Filter messages"
        onSubmit={(event) => {
          event.preventDefault();
          applyFilter(draft);
        }}
      >
        <label className="control">
          <span className="control__label">Booking reference</span>
          <span className="control__row">
            <input
              type="search"
              placeholder="e.g. K7M-4XR-7"
              value={draft}
              data-testid="messages-filter"
              onChange={(event) => setDraft(event.target.value)}
            />
            <button type="submit" className="button button--secondary">
              Filter
            </button>
            {reference && (
              <button
                type="button"
                className="button button--ghost"
                onClick={() => {
                  setDraft('');
                  applyFilter('');
                }}
              >
                All messages
              </button>
            )}
          </span>
        </label>
        <button
          type="button"
          className="button button--secondary msg-refresh"
          onClick={list.reload}
          data-testid="messages-refresh"
        >
          Refresh
        </button>
      </form>
      <PagedListView
        list={list}
        loadingLabel="Loading messages…"
        empty={{
          title: reference ? `No messages for ${reference}.` : 'No messages yet.',
          hint: 'Customers get a text when a courier is booked and each time the delivery moves.',
        }}
        summary={`${countOf(list.items.length, 'message', 'messages')}${list.loadedAt ? ` · as of ${calendar.formatDateTime(list.loadedAt.toISOString())}` : ''}`}
        countTestId="messages-count"
        moreTestId="messages-more"
      >
        <div className="table-wrap">
          <table className="table" data-testid="messages-table">
            <thead>
              <tr>
                <th scope="col">Sent</th>
                <th scope="col">Phone</th>
                <th scope="col">Booking</th>
                <th scope="col">About</th>
                <th scope="col">Message</th>
                <th scope="col">Delivery</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((m) => (
                <tr key={m.id} className="row row--static" data-testid="message-row">
                  <td className="nowrap">{calendar.formatDateTime(m.sentAt)}</td>
                  <td className="nowrap mono" data-testid="message-phone">
                    {m.phone}
                  </td>
                  <td className="nowrap">
                    <Link to={`/bookings/${encodeURIComponent(m.bookingReference)}`} className="mono">
                      {m.bookingReference}
                    </Link>
                  </td>
                  <td className="nowrap">
                    <StatusBadge status={m.kind} />
                  </td>
                  <td data-testid="message-text">{m.text}</td>
                  <td className="nowrap">{DELIVERY_LABEL[m.delivery] ?? m.delivery}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </PagedListView>
    </>
  );
}
