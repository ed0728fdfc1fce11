// The browser's speech, where it has it: synthesis reads the bot's lines aloud, recognition turns the
// admin's voice into the caller's words. Both are detected at run time and never required.
import { useCallback, useEffect, useRef, useState } from 'react';

/** The part of the Web Speech API's recognition the page uses (not in TypeScript's DOM library). */
type Recognition = {
  lang: string;
  interimResults: boolean;
  maxAlternatives: number;
  onresult: ((event: { results: ArrayLike<ArrayLike<{ transcript: string }>> }) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
};
type RecognitionClass = new () => Recognition;

function recognitionClass(): RecognitionClass | undefined {
  const scope = globalThis as { SpeechRecognition?: RecognitionClass; webkitSpeechRecognition?: RecognitionClass };
  return scope.SpeechRecognition ?? scope.webkitSpeechRecognition;
}

export function hasSpeechSynthesis(): boolean {
  return typeof globalThis.speechSynthesis !== 'undefined' && typeof globalThis.SpeechSynthesisUtterance === 'function';
}

export function hasSpeechRecognition(): boolean {
  return recognitionClass() !== undefined;
}

/** Speaks lines in order, dropping what is still queued when the call ends or the page closes. */
export function useSpeechOutput(enabled: boolean, lang = 'en-US') {
  const supported = hasSpeechSynthesis();
  useEffect(() => () => (supported ? globalThis.speechSynthesis.cancel() : undefined), [supported]);
  const speak = useCallback(
    (lines: string[]) => {
      if (!supported || !enabled) return;
      for (const line of lines) {
        const utterance = new SpeechSynthesisUtterance(line);
        utterance.lang = lang;
        globalThis.speechSynthesis.speak(utterance);
      }
    },
    [supported, enabled, lang],
  );
  const stop = useCallback(() => (supported ? globalThis.speechSynthesis.cancel() : undefined), [supported]);
  return { supported, speak, stop };
}

export type SpeechInput = {
  supported: boolean;
  listening: boolean;
  /** Why the last attempt heard nothing (microphone refused, no speech), in plain words. */
  problem: string | null;
  start: () => void;
  stop: () => void;
};

const RECOGNITION_PROBLEMS: Record<string, string> = {
  'not-allowed': 'The browser was not allowed to use the microphone; allow it in the address bar, or type instead.',
  'service-not-allowed': 'Speech recognition is turned off in this browser; type instead.',
  'no-speech': 'Nothing was heard; press the microphone and speak, or type instead.',
  'audio-capture': 'No microphone was found; type instead.',
  network: 'Speech recognition needs the browser to reach its speech service; type instead.',
};

/** One utterance per press of the microphone button, handed to `onHeard` as text. */
export function useSpeechInput(onHeard: (text: string) => void, lang = 'en-US'): SpeechInput {
  const Recognizer = recognitionClass();
  const [listening, setListening] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const active = useRef<Recognition | null>(null);
  const heard = useRef(onHeard);
  heard.current = onHeard;

  useEffect(() => () => active.current?.stop(), []);

  const start = useCallback(() => {
    if (!Recognizer || active.current) return;
    const recognition = new Recognizer();
    recognition.lang = lang;
    recognition.interimResults = false;
    recognition.maxAlternatives = 1;
    recognition.onresult = (event) => {
      const text = event.results[0]?.[0]?.transcript.trim();
      if (text) heard.current(text);
    };
    recognition.onerror = (event) =>
      setProblem(RECOGNITION_PROBLEMS[event.error] ?? `Speech recognition failed (${event.error}); type instead.`);
    recognition.onend = () => {
      active.current = null;
      setListening(false);
    };
    active.current = recognition;
    setProblem(null);
    setListening(true);
    recognition.start();
  }, [Recognizer, lang]);

  const stop = useCallback(() => active.current?.stop(), []);
  return { supported: Recognizer !== undefined, listening, problem, start, stop };
}
