namespace ParIndex.Web.Documents;

public enum DocAlign
{
    Left,
    Center,
    Right,
    Justify,
}

/// <summary>A part of a generated document: a paragraph or a table.</summary>
public abstract record DocBlock;

/// <summary>A paragraph; <see cref="Size"/> in points (the administrative style uses 13–14 pt).</summary>
public sealed record DocParagraph(string Text, bool Bold = false, bool Italic = false, DocAlign Align = DocAlign.Justify, double Size = 13, double SpaceAfter = 6) : DocBlock;

/// <summary>A column of a table; widths are relative to each other.</summary>
public sealed record DocColumn(string Header, double Width, DocAlign Align = DocAlign.Left);

public sealed record DocRow(IReadOnlyList<string> Cells, bool Bold = false);

/// <summary>
/// A table with a header row repeated on every page. Without borders and header it lays out the two-column heading of
/// an administrative document (agency on the left, national motto on the right).
/// </summary>
public sealed record DocTable(IReadOnlyList<DocColumn> Columns, IReadOnlyList<DocRow> Rows, bool Borders = true, bool HeaderRow = true, double Size = 11) : DocBlock;

/// <summary>
/// A document as an administrative form lays it out, written as DOCX by <see cref="DocxDocument"/> and as PDF by
/// <see cref="PdfDocumentWriter"/> from the same description, so both say the same thing.
/// </summary>
public sealed record OfficialDocument(string Title, string? Subject, IReadOnlyList<DocBlock> Blocks, string? Keywords = null)
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string PdfContentType = "application/pdf";

    /// <summary>The heading every administrative document opens with (Decree 30/2020/NĐ-CP, appendix I): issuing body left, national motto right, place and date.</summary>
    public static IEnumerable<DocBlock> Heading(string superior, string issuer, string place, DateOnly date) =>
    [
        new DocTable(
            [new DocColumn("", 1, DocAlign.Center), new DocColumn("", 1.3, DocAlign.Center)],
            [
                new DocRow([superior.ToUpperInvariant(), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]),
                new DocRow([issuer.ToUpperInvariant(), "Độc lập - Tự do - Hạnh phúc"], Bold: true),
            ],
            Borders: false, HeaderRow: false, Size: 12),
        new DocParagraph($"{place}, ngày {date.Day:00} tháng {date.Month:00} năm {date.Year}", Italic: true, Align: DocAlign.Right, Size: 13, SpaceAfter: 12),
    ];
}

/// <summary>A generated file ready to send.</summary>
public sealed record GeneratedDocument(byte[] Bytes, string ContentType, string FileName);
