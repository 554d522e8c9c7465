/**
 * Article text for classroom mode: redactions (blind) and the student's marks as segment layers over
 * the original offsets, with each plain stretch handed to HighlightedText (so terms and word changes
 * still show where the mode allows them). Every stretch of real text carries its offset (`data-o`)
 * so the marking tool can turn a selection back into offsets.
 */
import type { ComponentType, ReactNode } from 'react';
import { HighlightedText, type HighlightedTextProps } from '@/app/_components/highlighted-text';
import type { MarkSpan } from '@/lib/classroom/classroom-model';
import { REDACTED, type Redaction } from '@/lib/classroom/redact';
import { buildSegments, type Mark, type Segment } from '@/lib/view/segments';

export interface TextLayers {
  /** Spans to hide, per article id (blind mode). */
  redactions?: ReadonlyMap<string, readonly Redaction[]>;
  /** The student's marks, per article id. */
  marks?: ReadonlyMap<string, readonly MarkSpan[]>;
}

const LABEL_CLASS =
  'after:ml-0.5 after:inline-block after:rounded-full after:bg-rose-700 after:px-1 after:align-[0.5em] after:font-sans after:text-[0.58rem] after:font-semibold after:not-italic after:leading-[1.4] after:text-white after:content-[attr(data-label)]';

type LayerData = { kind: 'redaction'; redaction: Redaction } | { kind: 'mark'; mark: MarkSpan };

/** A text component for AlignedGrid's `textComponent` that draws the given layers. */
export function classroomText(layers: TextLayers): ComponentType<HighlightedTextProps> {
  return function ClassroomText(props: HighlightedTextProps) {
    const article = props.article ?? '';
    const redactions: Mark<LayerData>[] = (layers.redactions?.get(article) ?? []).map((r) => ({ start: r.start, end: r.end, data: { kind: 'redaction', redaction: r } }));
    const marks: Mark<LayerData>[] = (layers.marks?.get(article) ?? []).map((m) => ({ start: m.start, end: m.end, data: { kind: 'mark', mark: m } }));
    const segments = buildSegments(props.start, props.end, [redactions, marks]);
    return <>{render(segments, props)}</>;
  };
}

function render(segments: Segment<LayerData>[], props: HighlightedTextProps): ReactNode[] {
  return segments.map((s) => {
    const key = `${s.start}-${s.end}-${s.kind === 'mark' ? s.layer : 't'}`;
    if (s.kind === 'text') {
      // Terms and candidates that cross a layer edge are clipped by HighlightedText's own segmentation.
      return (
        <span key={key} data-o={s.start}>
          <HighlightedText {...props} start={s.start} end={s.end} idPrefix={`${props.idPrefix}-${s.start}`} />
        </span>
      );
    }
    if (s.data.kind === 'redaction') {
      return (
        <span
          key={key}
          data-redacted={s.data.redaction.reason}
          className="ml-px mr-1 inline-block select-none rounded-sm border border-dashed border-stone-400 bg-stone-100 px-1 align-baseline font-sans text-[0.72em] font-medium not-italic leading-snug tracking-normal text-stone-600"
          title="Hidden in blind mode: these words named, addressed or credited a source"
        >
          {REDACTED}
        </span>
      );
    }
    const m = s.data.mark;
    // A pen-coloured underlay and frame (the frame stays visible over term highlights at the reveal). The number
    // (and tag) goes after the mark's last piece only: generated content, so never selected or copied.
    const label = s.end === m.end ? `${m.index + 1}${m.tag ? ` ${m.tag}` : ''}` : undefined;
    return (
      <mark
        key={key}
        data-student-mark={m.index}
        data-tag={m.tag ?? undefined}
        data-label={label}
        title={`Your mark ${m.index + 1}${m.referentName ? `: describes ${m.referentName}` : ''}`}
        className={`rounded-[2px] bg-transparent text-inherit shadow-[inset_0_-0.55em_0_rgb(244_114_182_/_0.42)] outline-2 outline-offset-1 outline-rose-500/70 [box-decoration-break:clone] ${label ? LABEL_CLASS : ''}`}
      >
        {render(s.children, props)}
      </mark>
    );
  });
}
