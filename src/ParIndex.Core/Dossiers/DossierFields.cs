namespace ParIndex.Core.Dossiers;

/// <summary>
/// The names of a dossier's fields as problems report them: the English column names of the CSV format
/// (docs/dossiers.md), so a problem points at a column whatever the file's header language.
/// </summary>
public static class DossierFields
{
    public const string Code = "code";
    public const string Unit = "unit";
    public const string Procedure = "procedure";
    public const string Channel = "channel";
    public const string ReceivedAt = "received_at";
    public const string PromisedAt = "promised_at";
    public const string SupplementRequestedAt = "supplement_requested_at";
    public const string SupplementCompletedAt = "supplement_completed_at";
    public const string DoneAt = "done_at";
    public const string ReturnedAt = "returned_at";
    public const string RefusedAt = "refused_at";
    public const string StoppedAt = "stopped_at";
    public const string WithdrawnAt = "withdrawn_at";
    public const string Payment = "payment";
    public const string Digitised = "digitised";
    public const string ElectronicResult = "electronic_result";
    public const string EndToEnd = "end_to_end";
    public const string Rating = "rating";

    /// <summary>The column holding the instants of one kind of event.</summary>
    public static string ForEvent(DossierEventKind kind) => kind switch
    {
        DossierEventKind.SupplementRequested => SupplementRequestedAt,
        DossierEventKind.SupplementCompleted => SupplementCompletedAt,
        DossierEventKind.ProcessingDone => DoneAt,
        DossierEventKind.ResultReturned => ReturnedAt,
        DossierEventKind.Refused => RefusedAt,
        DossierEventKind.Stopped => StoppedAt,
        DossierEventKind.Withdrawn => WithdrawnAt,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Event kinds in the order of their columns.</summary>
    public static readonly DossierEventKind[] EventKinds =
    [
        DossierEventKind.SupplementRequested, DossierEventKind.SupplementCompleted, DossierEventKind.ProcessingDone,
        DossierEventKind.ResultReturned, DossierEventKind.Refused, DossierEventKind.Stopped, DossierEventKind.Withdrawn,
    ];
}

/// <summary>A problem with a dossier's data, naming the field (see <see cref="DossierFields"/>), in both languages.</summary>
public sealed record DossierProblem(string Field, string Vi, string En)
{
    public string Message(Language language) => language == Language.En ? En : Vi;
}
