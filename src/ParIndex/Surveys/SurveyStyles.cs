namespace ParIndex.Surveys;

/// <summary>
/// The survey pages' few extra rules on top of site.css (its variables, fields and buttons): large touch targets
/// for answer options and the counter buttons, the error summary, the step indicator and the interval bars.
/// Served from /khao-sat/giao-dien.css so the feature stays in its folder.
/// </summary>
public static class SurveyStyles
{
    public const string Path = "/khao-sat/giao-dien.css";

    public const string Css = """
        .survey { max-width: 46rem; }
        .survey-steps { list-style: none; padding: 0; margin: 0 0 var(--space-4); display: flex; flex-wrap: wrap; gap: var(--space-2); font-size: var(--text-sm); }
        .survey-steps li { border: 1px solid var(--color-line); border-radius: 999px; padding: 0 var(--space-3); color: var(--color-ink-soft); }
        .survey-steps li[aria-current="step"] { border-color: var(--color-accent); color: var(--color-accent); font-weight: 700; }
        .survey-steps li.done::before { content: "✓ "; }
        .question { background: var(--color-surface); margin-bottom: var(--space-4); }
        .question legend, .question > label { font-weight: 700; font-size: var(--text-md); padding: 0; margin-bottom: var(--space-2); }
        .question--error { border-left: 5px solid var(--color-error); padding-left: var(--space-3); }
        .options { display: grid; gap: var(--space-2); margin: 0; padding: 0; }
        .option { display: flex; align-items: center; gap: var(--space-3); min-height: 2.75rem; padding: var(--space-2) var(--space-3); border: 2px solid var(--color-line); border-radius: var(--radius); font-weight: 400; cursor: pointer; margin: 0; }
        .option input { width: 1.4rem; height: 1.4rem; margin: 0; flex: none; accent-color: var(--color-accent); }
        .option:has(input:checked) { border-color: var(--color-accent); background: #eef4fb; }
        .option:has(input:focus-visible) { outline: 3px solid var(--color-focus); outline-offset: 2px; }
        .question-hint { font-size: var(--text-sm); color: var(--color-ink-soft); margin: 0 0 var(--space-2); }
        .error-summary { border: 4px solid var(--color-error); border-radius: var(--radius); padding: var(--space-3) var(--space-4); margin: var(--space-4) 0; background: var(--color-surface); }
        .error-summary:focus { outline: 3px solid var(--color-focus); outline-offset: 2px; }
        .error-summary h2 { margin-top: 0; font-size: var(--text-lg); }
        .error-summary a { color: var(--color-error); font-weight: 700; }
        .survey-actions { display: flex; flex-wrap: wrap; gap: var(--space-3); margin-top: var(--space-4); }
        .survey-actions .button { min-height: 2.75rem; }
        .counter-page { max-width: 40rem; margin: 0 auto; text-align: center; }
        .counter-buttons { display: grid; gap: var(--space-4); margin: var(--space-5) 0; }
        .counter-button { font: inherit; font-size: 1.6rem; font-weight: 700; min-height: 5.5rem; border-radius: 12px; border: 3px solid transparent; color: #fff; cursor: pointer; width: 100%; }
        .counter-button--3 { background: #1d6b3a; }
        .counter-button--2 { background: #1f5f99; }
        .counter-button--1 { background: #a3262a; }
        .counter-button:focus-visible { outline: 4px solid var(--color-focus); outline-offset: 3px; }
        .counter-thanks { font-size: 1.4rem; font-weight: 700; color: var(--color-ok); }
        .ci-chart svg { width: 100%; height: auto; max-width: 52rem; display: block; }
        #survey-results tbody th { min-width: 12rem; }
        .ci-chart .bar { fill: var(--color-accent); }
        .ci-chart .bar--flagged { fill: #b9c3cf; }
        .ci-chart .whisker { stroke: var(--color-ink); stroke-width: 1.5; }
        .ci-chart text { fill: var(--color-ink); font-size: 12px; }
        .ci-chart .tick { fill: var(--color-ink-soft); font-size: 11px; }
        .ci-chart .grid { stroke: #e3e8ef; }
        .flag { display: inline-block; font-size: var(--text-xs); font-weight: 700; border: 1px solid var(--color-warn); color: var(--color-warn); border-radius: var(--radius); padding: 0 var(--space-1); }
        .token-sheet { display: grid; gap: var(--space-4); grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); }
        .token-card { border: 1px dashed var(--color-line); padding: var(--space-3); break-inside: avoid; background: #fff; }
        .token-card svg { width: 9rem; height: 9rem; display: block; }
        .token-card .token { font-family: var(--font-mono); font-size: var(--text-md); font-weight: 700; letter-spacing: 0.05em; }
        @media print { .site-header, .site-footer, .no-print { display: none !important; } .token-card { border-color: #999; } }
        """;
}
