namespace ParIndex.Core.Dossiers;

// The numbers of these enums are stored (as small integers in the dossier tables, see
// docs/decisions/0006-dossier-storage-and-bulk-loading.md): never renumber or reuse a value.

/// <summary>How a dossier reached the agency (kênh tiếp nhận).</summary>
public enum DossierChannel : byte
{
    /// <summary>Trực tiếp: at the one-stop counter.</summary>
    InPerson = 1,
    /// <summary>Trực tuyến: through the online public service portal.</summary>
    Online = 2,
    /// <summary>Qua dịch vụ bưu chính công ích: by post.</summary>
    Postal = 3,
}

/// <summary>Something that happened to a dossier after its receipt, with its instant.</summary>
public enum DossierEventKind : byte
{
    /// <summary>Yêu cầu bổ sung hồ sơ: the agency asked the citizen for missing papers; the clock pauses.</summary>
    SupplementRequested = 1,
    /// <summary>Công dân đã bổ sung hồ sơ: the papers arrived; the clock runs again.</summary>
    SupplementCompleted = 2,
    /// <summary>Đã xử lý xong: the agency finished processing (the result is ready).</summary>
    ProcessingDone = 3,
    /// <summary>Đã trả kết quả: the result was handed over.</summary>
    ResultReturned = 4,
    /// <summary>Từ chối: the agency refused the dossier (with reasons).</summary>
    Refused = 5,
    /// <summary>Dừng xử lý: processing stopped (e.g. the citizen did not supplement).</summary>
    Stopped = 6,
    /// <summary>Công dân rút hồ sơ: the citizen withdrew the dossier.</summary>
    Withdrawn = 7,
}

/// <summary>Whether the procedure charges a fee or charge, and how it was paid.</summary>
public enum DossierPayment : byte
{
    /// <summary>No fee or charge for this dossier.</summary>
    None = 0,
    /// <summary>Paid at the counter, by transfer outside the portal, or not yet paid.</summary>
    Offline = 1,
    /// <summary>Paid online through the portal's payment platform.</summary>
    Online = 2,
}

/// <summary>The citizen's rating of how the dossier was handled (counter device or portal).</summary>
public enum DossierRating : byte
{
    None = 0,
    VerySatisfied = 1,
    Satisfied = 2,
    /// <summary>Not satisfied; counted with complaints in the 766 satisfaction indicator.</summary>
    NotSatisfied = 3,
}
