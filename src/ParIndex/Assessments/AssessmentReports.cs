using System.Globalization;
using Microsoft.Extensions.Options;
using ParIndex.Accounts;
using ParIndex.Core.Scoring;
using ParIndex.Web;
using ParIndex.Web.Documents;

namespace ParIndex.Assessments;

/// <summary>
/// The unit's self-assessment report (báo cáo kết quả tự đánh giá, chấm điểm Chỉ số CCHC) as the official form lays it
/// out: the administrative heading, I. the summary table by field (maximum, self score, share), II. the detail by
/// criterion with its evidence, III. the explanations of scores given without evidence, IV. difficulties and
/// proposals, and the head's signature block — always in Vietnamese, as DOCX or PDF.
/// </summary>
public sealed class AssessmentReports(AssessmentService assessments, PdfSupport pdf, IOptions<CitySettings> city, TimeProvider clock)
{
    private static readonly CultureInfo Vi = WebSetup.Vietnamese;

    public async Task<Outcome<GeneratedDocument>> CreateAsync(int year, string unitCode, UserScopeInfo who, bool asPdf, CancellationToken cancellationToken = default)
    {
        if (!CampaignAccess.MayReadUnit(who, unitCode) || await assessments.ContextAsync(year, unitCode, cancellationToken) is not { } context)
            return Outcome<GeneratedDocument>.Missing();
        if (asPdf && pdf.Unavailable() is { } unavailable)
            return unavailable;
        AssessmentView view;
        // The report is the official Vietnamese form whatever language the reader browses in.
        using (new CultureScope(Vi))
            view = await assessments.BuildAsync(year, context, cancellationToken);
        var document = Build(view, context, city.Value.NameVi, Core.Calendar.VietnamTime.LocalDate(clock.GetUtcNow()));
        using var buffer = new MemoryStream();
        if (asPdf)
            PdfDocumentWriter.Write(document, buffer);
        else
            DocxDocument.Write(document, buffer);
        var name = $"bao-cao-tu-danh-gia-{year}-{Safe(unitCode)}.{(asPdf ? "pdf" : "docx")}";
        return Outcome<GeneratedDocument>.Ok(new GeneratedDocument(buffer.ToArray(), asPdf ? OfficialDocument.PdfContentType : OfficialDocument.DocxContentType, name));
    }

    public static OfficialDocument Build(AssessmentView view, AssessmentContext context, string cityName, DateOnly today)
    {
        var date = view.SubmittedAtUtc is { } submitted ? Core.Calendar.VietnamTime.LocalDate(new DateTimeOffset(DateTime.SpecifyKind(submitted, DateTimeKind.Utc))) : today;
        var unitName = context.Unit.NameVi;
        var blocks = new List<DocBlock>();
        blocks.AddRange(OfficialDocument.Heading($"UBND {cityName}", unitName, cityName, date));
        blocks.Add(new DocParagraph("BÁO CÁO", Bold: true, Align: DocAlign.Center, Size: 14, SpaceAfter: 2));
        blocks.Add(new DocParagraph($"Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {view.Year}", Bold: true, Align: DocAlign.Center, Size: 14, SpaceAfter: 12));
        blocks.Add(new DocParagraph(
            $"Thực hiện {context.Framework.TitleVi}, {unitName} báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {view.Year} như sau:"));
        if (view.Status == AssessmentStatus.Draft)
            blocks.Add(new DocParagraph("(Bản nháp — đơn vị chưa gửi bản tự đánh giá.)", Italic: true));

        blocks.Add(new DocParagraph("I. KẾT QUẢ TỰ ĐÁNH GIÁ THEO LĨNH VỰC", Bold: true, Align: DocAlign.Left));
        var fieldRows = view.Fields.Select((field, i) => new DocRow(
        [
            (i + 1).ToString(Vi), $"{field.Code}. {context.Framework.Fields().First(f => f.Code == field.Code).TitleVi}",
            Number(field.MaxPoints), Number(field.SelfPoints), field.ApplicableMax > 0 ? Number(field.SelfPoints / field.ApplicableMax * 100) : "—",
        ])).ToList();
        var adjustments = context.Framework.Nodes.Where(n => n.IsScored).ToList();
        foreach (var node in adjustments)
        {
            var entry = view.Entry(node.Code);
            fieldRows.Add(new DocRow(["", $"{node.Code}. {node.TitleVi}", $"({Number(node.MaxPoints)})", entry?.Points is { } p ? (node.Kind == Core.Frameworks.NodeKind.Penalty ? "−" : "+") + Number(p) : "—", ""]));
        }
        fieldRows.Add(new DocRow(["", "Tổng cộng", Number(view.MaxPoints), Number(view.SelfTotal), view.MaxPoints > 0 ? Number(view.SelfTotal / view.MaxPoints * 100) : "—"], Bold: true));
        blocks.Add(new DocTable(
        [
            new DocColumn("STT", 0.5, DocAlign.Center), new DocColumn("Lĩnh vực", 4), new DocColumn("Điểm tối đa", 1.1, DocAlign.Right),
            new DocColumn("Điểm tự đánh giá", 1.2, DocAlign.Right), new DocColumn("Tỷ lệ (%)", 1, DocAlign.Right),
        ], fieldRows));

        blocks.Add(new DocParagraph("II. CHI TIẾT THEO TIÊU CHÍ", Bold: true, Align: DocAlign.Left));
        var titles = context.Framework.AllNodes().ToDictionary(n => n.Code, n => n.TitleVi, StringComparer.Ordinal);
        blocks.Add(new DocTable(
        [
            new DocColumn("Mã", 0.7), new DocColumn("Tiêu chí", 3.2), new DocColumn("Tối đa", 0.8, DocAlign.Right), new DocColumn("Tự chấm", 0.9, DocAlign.Right),
            new DocColumn("Tài liệu kiểm chứng, ghi chú", 2.8),
        ], view.Entries.Select(e => new DocRow([e.NodeCode, titles.GetValueOrDefault(e.NodeCode, e.Title), Number(e.MaxPoints), Score(e), Notes(e)])).ToList()));

        blocks.Add(new DocParagraph("III. GIẢI TRÌNH CÁC TIÊU CHÍ KHÔNG CÓ TÀI LIỆU KIỂM CHỨNG", Bold: true, Align: DocAlign.Left));
        var explained = view.Entries.Where(e => e.Evidence.Count == 0 && !string.IsNullOrWhiteSpace(e.NoEvidenceNote)).ToList();
        if (explained.Count == 0)
            blocks.Add(new DocParagraph("Không có."));
        foreach (var entry in explained)
            blocks.Add(new DocParagraph($"Tiêu chí {entry.NodeCode} ({titles.GetValueOrDefault(entry.NodeCode, entry.Title)}): {entry.NoEvidenceNote}"));

        blocks.Add(new DocParagraph("IV. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ", Bold: true, Align: DocAlign.Left));
        blocks.Add(new DocParagraph(string.IsNullOrWhiteSpace(view.Difficulties) ? "Không có." : view.Difficulties, SpaceAfter: 18));

        blocks.Add(new DocTable(
            [new DocColumn("", 1, DocAlign.Left), new DocColumn("", 1, DocAlign.Center)],
            [
                new DocRow(["Nơi nhận:", "THỦ TRƯỞNG ĐƠN VỊ"], Bold: true),
                new DocRow(["- Sở Nội vụ;\n- Lưu: VT.", "(Ký, ghi rõ họ tên, đóng dấu)"]),
                new DocRow(["", view.SubmittedBy is null ? "" : $"\n\n{view.SubmittedBy}"]),
            ],
            Borders: false, HeaderRow: false, Size: 12));

        return new OfficialDocument(
            $"Báo cáo kết quả tự đánh giá Chỉ số CCHC năm {view.Year} – {unitName}",
            $"Tự đánh giá {view.Year} – {context.Unit.Code}", blocks, Keywords: $"{context.Unit.Code} {view.Year}");
    }

    private static string Score(EntryView entry) => entry.Points is { } points
        ? Number(points) + (entry.Input?.Kind == InputKind.NotApplicable ? " (không phát sinh)" : "")
        : "Chưa chấm";

    private static string Notes(EntryView entry)
    {
        var parts = new List<string>();
        if (entry.FedByData)
            parts.Add(entry.DataSource is { } source ? $"Số liệu tự động: {source}" : "Số liệu tự động (chưa có dữ liệu)");
        foreach (var (evidence, i) in entry.Evidence.Select((e, i) => (e, i)))
        {
            var d = evidence.Document;
            var described = string.Join(", ", new[] { d.DocumentNumber, d.DocumentDate is { } date ? "ngày " + Text.Date(date) : null, d.IssuingBody }.Where(s => !string.IsNullOrWhiteSpace(s)));
            parts.Add($"{i + 1}. {(string.IsNullOrWhiteSpace(d.Title) ? d.FileName : d.Title)}{(described.Length > 0 ? $" ({described})" : "")}");
        }
        if (!entry.FedByData && entry.Evidence.Count == 0 && entry.EvidenceRequired)
            parts.Add(string.IsNullOrWhiteSpace(entry.NoEvidenceNote) ? "Chưa có tài liệu kiểm chứng" : "Không có tài liệu — xem phần III");
        if (!string.IsNullOrWhiteSpace(entry.Comment))
            parts.Add($"Ghi chú: {entry.Comment}");
        return string.Join("\n", parts);
    }

    private static string Number(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", Vi);

    private static string Safe(string code) => new(code.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());

    /// <summary>Sets the current (UI) culture for a block of code and restores it.</summary>
    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo culture = CultureInfo.CurrentCulture, ui = CultureInfo.CurrentUICulture;

        public CultureScope(CultureInfo to)
        {
            CultureInfo.CurrentCulture = to;
            CultureInfo.CurrentUICulture = to;
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = ui;
        }
    }
}
