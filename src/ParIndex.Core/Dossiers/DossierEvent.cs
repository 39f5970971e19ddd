namespace ParIndex.Core.Dossiers;

/// <summary>One event of a dossier's timeline. Two events are the same when kind and instant (to the second) are equal.</summary>
public readonly record struct DossierEvent(DossierEventKind Kind, DateTimeOffset At)
{
    /// <summary>True for the events that end processing: done, returned, stopped, refused, withdrawn.</summary>
    public bool IsTerminal => IsTerminalKind(Kind);

    public static bool IsTerminalKind(DossierEventKind kind) => kind >= DossierEventKind.ProcessingDone;

    public static string NameVi(DossierEventKind kind) => kind switch
    {
        DossierEventKind.SupplementRequested => "Yêu cầu bổ sung hồ sơ",
        DossierEventKind.SupplementCompleted => "Đã bổ sung hồ sơ",
        DossierEventKind.ProcessingDone => "Đã xử lý xong",
        DossierEventKind.ResultReturned => "Đã trả kết quả",
        DossierEventKind.Refused => "Từ chối",
        DossierEventKind.Stopped => "Dừng xử lý",
        DossierEventKind.Withdrawn => "Công dân rút hồ sơ",
        _ => kind.ToString(),
    };

    public static string NameEn(DossierEventKind kind) => kind switch
    {
        DossierEventKind.SupplementRequested => "Supplement requested",
        DossierEventKind.SupplementCompleted => "Supplement received",
        DossierEventKind.ProcessingDone => "Processing done",
        DossierEventKind.ResultReturned => "Result returned",
        DossierEventKind.Refused => "Refused",
        DossierEventKind.Stopped => "Processing stopped",
        DossierEventKind.Withdrawn => "Withdrawn by the citizen",
        _ => kind.ToString(),
    };

    public static string Name(DossierEventKind kind, Language language) => language == Language.En ? NameEn(kind) : NameVi(kind);
}
