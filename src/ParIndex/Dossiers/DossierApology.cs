namespace ParIndex.Dossiers;

/// <summary>
/// The apology letter of a late dossier: "Phiếu xin lỗi và hẹn lại ngày trả kết quả". One per dossier (the new
/// appointment may be made once); recording it again replaces it, audited.
/// </summary>
public sealed class DossierApology
{
    public long Id { get; set; }
    public long DossierId { get; set; }
    public DateOnly IssuedOn { get; set; }
    public required string Reason { get; set; }
    public DateOnly NewAppointment { get; set; }

    /// <summary>Who signed for the agency (optional), printed on the slip.</summary>
    public string? SignedBy { get; set; }

    public DateTime RecordedAtUtc { get; set; }
    public required string RecordedBy { get; set; }
}
