using ParIndex.Core.Dossiers;
using static ParIndex.Web.Text;

namespace ParIndex.Dossiers.Pages.Admin;

/// <summary>How dossier values are named on the pages, in the reader's language.</summary>
public static class DossierLabels
{
    public static string Channel(DossierChannel channel) => channel switch
    {
        DossierChannel.Online => T("Trực tuyến", "Online"),
        DossierChannel.Postal => T("Bưu chính", "Postal"),
        _ => T("Trực tiếp", "In person"),
    };

    public static string Event(DossierEventKind kind) => T(DossierEvent.NameVi(kind), DossierEvent.NameEn(kind));

    public static string Outcome(DossierOutcome outcome) => outcome switch
    {
        DossierOutcome.OnTime => T("Đúng hạn", "On time"),
        DossierOutcome.Late => T("Trễ hạn", "Late"),
        _ => T("Chưa kết thúc", "Open"),
    };

    public static string Status(PeriodStatus status) => status switch
    {
        PeriodStatus.OnTime => T("Đã giải quyết đúng hạn", "Settled on time"),
        PeriodStatus.Late => T("Đã giải quyết trễ hạn", "Settled late"),
        PeriodStatus.OpenOverdue => T("Đang giải quyết, đã quá hạn", "Open and overdue"),
        PeriodStatus.OpenWithinDeadline => T("Đang giải quyết, trong hạn", "Open, within the deadline"),
        _ => T("Chưa tiếp nhận", "Not received"),
    };

    public static string Payment(DossierPayment payment) => payment switch
    {
        DossierPayment.Online => T("Trực tuyến", "Online"),
        DossierPayment.Offline => T("Trực tiếp", "Offline"),
        _ => T("Không thu phí", "No fee"),
    };

    public static string Rating(DossierRating rating) => rating switch
    {
        DossierRating.VerySatisfied => T("Rất hài lòng", "Very satisfied"),
        DossierRating.Satisfied => T("Hài lòng", "Satisfied"),
        DossierRating.NotSatisfied => T("Không hài lòng", "Not satisfied"),
        _ => "—",
    };

    public static string BatchStatus(ImportBatchStatus status) => status switch
    {
        ImportBatchStatus.Running => T("Đang nhập", "Running"),
        ImportBatchStatus.Completed => T("Hoàn tất", "Completed"),
        ImportBatchStatus.CompletedWithErrors => T("Hoàn tất, có dòng lỗi", "Completed with rejected rows"),
        _ => T("Dừng giữa chừng", "Stopped"),
    };

    public static string Source(ImportSource source) => source switch
    {
        ImportSource.Cli => T("Dòng lệnh", "Command line"),
        ImportSource.Upload => T("Tải lên", "Upload"),
        ImportSource.Api => "API",
        _ => T("Dữ liệu mẫu", "Demo data"),
    };

    public static string Yes(bool value) => value ? T("Có", "Yes") : T("Không", "No");

    /// <summary>A percentage with two decimals, or a dash.</summary>
    public static string Percent(decimal? value) => value is null ? "—" : Number(value.Value) + " %";
}
