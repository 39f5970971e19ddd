namespace ParIndex.Campaign;

public enum NotificationKind
{
    /// <summary>A phase's closing date is near and the user still has work in it.</summary>
    DeadlineSoon,
    /// <summary>A phase's closing date has passed and the user's work in it is not done.</summary>
    Overdue,
    /// <summary>For administrators: how much work of a phase is overdue across units and agencies.</summary>
    OverdueSummary,
}

/// <summary>
/// An in-app notification (the bell in the header, the /thong-bao page). Written in both languages when it is
/// created, so that each reader sees it in the language they chose. At most one per user, year, phase, kind and
/// Vietnamese day (a unique index): computing reminders twice on a day adds nothing.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public int Year { get; set; }
    public CampaignPhaseKind Phase { get; set; }
    public NotificationKind Kind { get; set; }

    /// <summary>The Vietnamese calendar day the reminder is for.</summary>
    public DateOnly OnDate { get; set; }
    public required string MessageVi { get; set; }
    public required string MessageEn { get; set; }

    /// <summary>A path within the app where the work is done (e.g. the unit's progress page).</summary>
    public string? Link { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ReadAtUtc { get; set; }

    public string Message(Core.Language language) => language == Core.Language.En ? MessageEn : MessageVi;
}

/// <summary>
/// An email waiting to be sent, or sent. Every reminder also becomes an email here (in Vietnamese); a background
/// service delivers them when SMTP is configured, and administrators see the outbox either way.
/// </summary>
public sealed class OutboxEmail
{
    public long Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public int Attempts { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public string? LastError { get; set; }

    /// <summary>Not before this instant (a failed attempt waits longer each time).</summary>
    public DateTime NextAttemptAtUtc { get; set; }

    /// <summary>Claimed by a sender until this instant, so that two app instances never send the same email.</summary>
    public DateTime? LockedUntilUtc { get; set; }

    /// <summary>The notification this email repeats, if any.</summary>
    public long? NotificationId { get; set; }
}
