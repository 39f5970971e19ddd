using System.IO.Compression;
using System.Xml;
using static ParIndex.Web.Text;

namespace ParIndex.Evidence;

/// <summary>
/// Recognises an evidence file by its content: the leading bytes of PDF, JPEG and PNG files, and for DOCX and XLSX
/// (ZIP packages) the main part declared in <c>[Content_Types].xml</c>. The name the file came with only says what
/// the uploader claims; a file whose content is not what its name claims (an executable named .pdf, a text file
/// named .xlsx, a macro workbook renamed .xlsx) is refused.
/// </summary>
public static class EvidenceContent
{
    /// <summary>How many leading bytes <see cref="Sniff"/> needs to decide.</summary>
    public const int SniffLength = 1024;

    private const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string SheetMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private const long MaxContentTypesBytes = 1024 * 1024;

    public static readonly string AcceptedExtensions = ".pdf,.docx,.xlsx,.jpg,.jpeg,.png";

    public static string ContentType(EvidenceFormat format) => format switch
    {
        EvidenceFormat.Pdf => "application/pdf",
        EvidenceFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        EvidenceFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        EvidenceFormat.Jpeg => "image/jpeg",
        _ => "image/png",
    };

    public static string Extension(EvidenceFormat format) => format switch
    {
        EvidenceFormat.Pdf => ".pdf",
        EvidenceFormat.Docx => ".docx",
        EvidenceFormat.Xlsx => ".xlsx",
        EvidenceFormat.Jpeg => ".jpg",
        _ => ".png",
    };

    public static string Label(EvidenceFormat format) => format switch
    {
        EvidenceFormat.Jpeg => "JPEG",
        _ => format.ToString().ToUpperInvariant(),
    };

    /// <summary>The format a file name claims, from its extension; null for anything not accepted.</summary>
    public static EvidenceFormat? ClaimedBy(string? fileName) => Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
    {
        ".pdf" => EvidenceFormat.Pdf,
        ".docx" => EvidenceFormat.Docx,
        ".xlsx" => EvidenceFormat.Xlsx,
        ".jpg" or ".jpeg" => EvidenceFormat.Jpeg,
        ".png" => EvidenceFormat.Png,
        _ => null,
    };

    /// <summary>What the leading bytes say. DOCX and XLSX both start as ZIP; <see cref="Sniffed.Zip"/> means "look inside".</summary>
    public enum Sniffed
    {
        Unknown,
        Pdf,
        Jpeg,
        Png,
        Zip,
    }

    public static Sniffed Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 8 && head[..8].SequenceEqual("\x89PNG\r\n\x1a\n"u8))
            return Sniffed.Png;
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
            return Sniffed.Jpeg;
        if (head.Length >= 4 && head[..4].SequenceEqual("PK\x03\x04"u8))
            return Sniffed.Zip;
        // PDF readers accept the header anywhere in the first 1024 bytes (ISO 32000-1, annex H.3, note 13).
        var window = head[..Math.Min(head.Length, SniffLength)];
        if (window.IndexOf("%PDF-"u8) >= 0)
            return Sniffed.Pdf;
        return Sniffed.Unknown;
    }

    /// <summary>The OOXML format of a ZIP package from its declared main part, or null when it is neither a Word document nor an Excel workbook.</summary>
    public static EvidenceFormat? OpenXmlFormat(Stream seekable)
    {
        try
        {
            seekable.Position = 0;
            using var zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null || types.Length > MaxContentTypesBytes)
                return null;
            using var stream = types.Open();
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxContentTypesBytes });
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Override")
                    continue;
                var contentType = reader.GetAttribute("ContentType");
                var part = reader.GetAttribute("PartName")?.TrimStart('/');
                // The main part must also be in the package, not only declared.
                if (contentType == WordMain && part is not null && zip.GetEntry(part) is not null)
                    return EvidenceFormat.Docx;
                if (contentType == SheetMain && part is not null && zip.GetEntry(part) is not null)
                    return EvidenceFormat.Xlsx;
            }
            return null;
        }
        catch (Exception exception) when (exception is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Checks a complete file (positioned anywhere) against the format its name claims. Returns the format, or the
    /// message to show when the content is not an accepted file or not what the name says.
    /// </summary>
    public static (EvidenceFormat? Format, string? Problem) Check(Stream seekable, EvidenceFormat claimed)
    {
        seekable.Position = 0;
        var head = new byte[SniffLength];
        var read = seekable.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var sniffed = Sniff(head.AsSpan(0, read));
        EvidenceFormat? actual = sniffed switch
        {
            Sniffed.Pdf => EvidenceFormat.Pdf,
            Sniffed.Jpeg => EvidenceFormat.Jpeg,
            Sniffed.Png => EvidenceFormat.Png,
            Sniffed.Zip => OpenXmlFormat(seekable),
            _ => null,
        };
        seekable.Position = 0;
        if (actual is null)
            return (null, T($"Nội dung tệp không phải {Label(claimed)} như tên tệp cho biết; chỉ nhận PDF, DOCX, XLSX, JPEG, PNG thật.",
                $"The file's content is not {Label(claimed)} as its name says; only real PDF, DOCX, XLSX, JPEG and PNG files are accepted."));
        if (actual != claimed)
            return (null, T($"Tên tệp cho biết đây là {Label(claimed)} nhưng nội dung là {Label(actual.Value)}; hãy đặt đúng phần mở rộng.",
                $"The file is named as {Label(claimed)} but its content is {Label(actual.Value)}; give it the right extension."));
        return (actual, null);
    }

    /// <summary>An early verdict on the first bytes of an upload, so that an obviously wrong file is refused before it is stored.</summary>
    public static string? EarlyProblem(ReadOnlySpan<byte> head, EvidenceFormat claimed)
    {
        var sniffed = Sniff(head);
        var fits = claimed switch
        {
            EvidenceFormat.Pdf => sniffed == Sniffed.Pdf,
            EvidenceFormat.Jpeg => sniffed == Sniffed.Jpeg,
            EvidenceFormat.Png => sniffed == Sniffed.Png,
            _ => sniffed == Sniffed.Zip,
        };
        if (fits)
            return null;
        return T($"Nội dung tệp không phải {Label(claimed)} như tên tệp cho biết; chỉ nhận PDF, DOCX, XLSX, JPEG, PNG thật.",
            $"The file's content is not {Label(claimed)} as its name says; only real PDF, DOCX, XLSX, JPEG and PNG files are accepted.");
    }
}
