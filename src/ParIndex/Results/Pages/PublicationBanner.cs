using Microsoft.AspNetCore.Mvc.ViewFeatures;
using ParIndex.Publication;
using static ParIndex.Web.Text;

namespace ParIndex.Results.Pages;

/// <summary>What the "NOT PUBLISHED" banner says to an administrator looking at live results.</summary>
public static class PublicationBanner
{
    /// <summary>The <see cref="PublicationStatus"/> of the block shown, in ViewData.</summary>
    public const string Key = "PublicationStatus";

    public static PublicationStatus? Of(ViewDataDictionary viewData) => viewData[Key] as PublicationStatus;

    /// <summary>The sentence after the label: why the administrator's view differs from what the public sees.</summary>
    public static string Explanation(PublicationStatus? status)
    {
        if (status?.Current is not { } current)
            return T("Bản xem trước dành cho quản trị viên: kết quả này chưa được công bố, người dân chưa xem được.",
                "Administrator preview: these results are not published and the public cannot see them.");
        if (!status.Visible)
            return T($"Kết quả của khối đã bị thu hồi công bố; người dân không xem được. Phiên bản công bố gần nhất: {current.Version}.",
                $"The block's results were withdrawn; the public cannot see them. Last published version: {current.Version}.");
        return T($"Kết quả này được tính lại sau lần công bố gần nhất và chưa được công bố. Người dân vẫn xem phiên bản {current.Version} (công bố ngày {Date(ResultsUi.LocalDate(current.PublishedAtUtc))}).",
            $"These results were recomputed after the last publication and are not published. The public still sees version {current.Version} (published on {Date(ResultsUi.LocalDate(current.PublishedAtUtc))}).");
    }
}
