namespace ParIndex.Core.Calendar;

public enum DeadlineStepKind
{
    /// <summary>When the dossier arrived, and whether that moves the start.</summary>
    Received,
    /// <summary>The moment the dossier is treated as received, when it differs from the arrival.</summary>
    TreatedAsReceived,
    /// <summary>The processing time and the counting rule.</summary>
    Period,
    /// <summary>A run of holidays, make-up, swapped or extra days off that the count passes over.</summary>
    Skipped,
    /// <summary>A Saturday or Sunday counted as a working day because of a swap.</summary>
    WorkedWeekendDay,
    /// <summary>The days or hours counted.</summary>
    Counted,
    /// <summary>A last day that fell on a non-working day, moved to the next working day.</summary>
    MovedToNextWorkingDay,
    /// <summary>The due instant.</summary>
    Due,
}

/// <summary>One line of an explanation, in Vietnamese and English.</summary>
public sealed record DeadlineStep(DeadlineStepKind Kind, string Vi, string En)
{
    public string Text(Language language) => language == Language.En ? En : Vi;
}

/// <summary>How a due instant was reached, step by step, for the dossier page and for an apology letter.</summary>
public sealed record DeadlineExplanation(DateTimeOffset ReceivedAt, DeadlinePolicy Policy, DateTimeOffset Due, IReadOnlyList<DeadlineStep> Steps)
{
    /// <summary>The steps as lines of text.</summary>
    public string Text(Language language) => string.Join(Environment.NewLine, Steps.Select(s => s.Text(language)));
}
