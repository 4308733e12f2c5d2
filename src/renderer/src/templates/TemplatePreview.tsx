/**
 * The reply as a customer would read it, filled by the same `fillTemplate` the core
 * suggests with: for a named customer, or for one known only by a handle (where fallbacks
 * matter). Placeholders left without a value are marked, not hidden.
 */
import { SegmentedControl, Text } from '@mantine/core';
import { useDeferredValue, useMemo, useState } from 'react';
import { fillTemplate, placeholdersIn } from '../../../shared/templates';
import { previewParts, sampleLabels, sampleValues, type PlaceholderInfo, type PreviewSample } from './model';
import classes from './templates.module.css';

export function TemplatePreview({ body, placeholders, agentName }: { body: string; placeholders: readonly PlaceholderInfo[]; agentName: string | null }) {
  const [sample, setSample] = useState<PreviewSample>('named');
  // Typing stays instant on long templates; the preview follows a frame behind.
  const deferredBody = useDeferredValue(body);
  const filled = useMemo(() => fillTemplate(deferredBody, sampleValues(placeholders, sample, agentName)), [deferredBody, placeholders, sample, agentName]);
  const parts = useMemo(() => previewParts(filled.text), [filled.text]);
  const unknown = useMemo(() => [...new Set(placeholdersIn(deferredBody).filter((p) => !p.known).map((p) => p.key))], [deferredBody]);
  const usesAgentName = filled.missing.includes('agent.name');
  const customerMissing = filled.missing.filter((key) => key !== 'agent.name');
  const example = (key: string): string => placeholders.find((p) => p.key === key)?.example ?? '';

  return (
    <section className={classes.preview} aria-labelledby="template-preview-title">
      <div className={classes.fieldHead}>
        <span className={classes.fieldLabel} id="template-preview-title">
          Preview
        </span>
        <SegmentedControl
          size="xs"
          value={sample}
          onChange={(value) => setSample(value as PreviewSample)}
          data={(Object.keys(sampleLabels) as PreviewSample[]).map((value) => ({ value, label: sampleLabels[value] }))}
          aria-label="Preview for"
          data-testid="preview-sample"
        />
      </div>
      <div className={classes.previewCard} data-testid="template-preview" aria-live="polite">
        {filled.text.trim() === '' ? (
          <span className={classes.previewEmpty}>The reply appears here as you write it.</span>
        ) : (
          parts.map((part, i) =>
            part.missing ? (
              <mark key={i} className={classes.missing} title="No value here and no fallback: the agent fills it in before sending" data-testid="preview-missing">
                {part.text}
              </mark>
            ) : (
              <span key={i}>{part.text}</span>
            ),
          )
        )}
      </div>
      <Text className={classes.previewNote} component="div" data-testid="preview-note">
        {sample === 'named'
          ? `Filled with example values: ${example('customer.name')} asking about ${example('product')}.`
          : 'A customer known only by a handle or an e-mail address: names use their fallback.'}
        {customerMissing.length > 0 && (
          <>
            {' '}
            <b>
              {customerMissing.map((k) => `{{${k}}}`).join(', ')} {customerMissing.length === 1 ? 'has' : 'have'} no fallback
            </b>
            : add one after a bar, such as {`{{${customerMissing[0]}|${customerMissing[0] === 'customer.first_name' ? 'there' : '…'}}}`}, or the agent fills it
            in by hand.
          </>
        )}
        {usesAgentName && (
          <>
            {' '}
            <b>Your name is not set</b>: set “Your name in replies” above, or give {'{{agent.name}}'} a fallback.
          </>
        )}
        {unknown.length > 0 && <> Unknown placeholders stay as written.</>}
      </Text>
    </section>
  );
}
