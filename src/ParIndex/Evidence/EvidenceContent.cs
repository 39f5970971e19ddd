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

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> ZipSignature => [0x50, 0x4B, 0x03, 0x04];

    public static Sniffed Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 8 && head[..8].SequenceEqual(PngSignature))
            return Sniffed.Png;
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
            return Sniffed.Jpeg;
        if (head.Length >= 4 && head[..4].SequenceEqual(ZipSignature))
            return Sniffed.Zip;
        // PDF readers accept the header anywhere in the first 1024 bytes (ISO 32000-1, annex H.3, note 13).
        var window = head[..Math.Min(head.Length, SniffLength)];
        if (window.IndexOf("%PDF-"u8) >= 0)
            return Sniffed.Pdf;
        return Sniffed.Unknown;
    }

    /// <summary>
    /// The OOXML format of a ZIP package, or null when it is neither a Word document nor an Excel workbook: the main part
    /// is the target of the package's officeDocument relationship (<c>_rels/.rels</c>), and its content type, declared in
    /// <c>[Content_Types].xml</c> by an Override for the part or a Default for its extension, must be the main part of a
    /// document or a workbook (macro-enabled variants are refused) — and the part must really be in the package.
    /// </summary>
    public static EvidenceFormat? OpenXmlFormat(Stream seekable)
    {
        try
        {
            seekable.Position = 0;
            using var zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
            var target = MainPartName(zip);
            if (target is null || zip.GetEntry(target) is null)
                return null;
            var contentType = ContentTypeOf(zip, target);
            return contentType switch
            {
                WordMain => EvidenceFormat.Docx,
                SheetMain => EvidenceFormat.Xlsx,
                _ => null,
            };
        }
        catch (Exception exception) when (exception is InvalidDataException or XmlException or IOException or NotSupportedException or ArgumentException)
        {
            return null;
        }
    }

    private static string? MainPartName(ZipArchive zip)
    {
        foreach (var element in Elements(zip, "_rels/.rels", "Relationship"))
        {
            if (element.GetValueOrDefault("Type")?.EndsWith("/officeDocument", StringComparison.Ordinal) != true || element.GetValueOrDefault("TargetMode") == "External")
                continue;
            var target = element.GetValueOrDefault("Target");
            return string.IsNullOrEmpty(target) ? null : Uri.UnescapeDataString(target.TrimStart('/'));
        }
        return null;
    }

    private static string? ContentTypeOf(ZipArchive zip, string partName)
    {
        string? byDefault = null;
        var extension = Path.GetExtension(partName).TrimStart('.');
        foreach (var element in Elements(zip, "[Content_Types].xml", "Override", "Default"))
        {
            if (element.TryGetValue("PartName", out var part) && string.Equals(part.TrimStart('/'), partName, StringComparison.OrdinalIgnoreCase))
                return element.GetValueOrDefault("ContentType");
            if (element.TryGetValue("Extension", out var ext) && string.Equals(ext, extension, StringComparison.OrdinalIgnoreCase))
                byDefault = element.GetValueOrDefault("ContentType");
        }
        return byDefault;
    }

    /// <summary>The attributes of the named elements of a small XML part (at most 1 MB is read, no DTDs).</summary>
    private static IEnumerable<Dictionary<string, string>> Elements(ZipArchive zip, string entryName, params string[] names)
    {
        var entry = zip.GetEntry(entryName);
        if (entry is null || entry.Length > MaxContentTypesBytes)
            yield break;
        using var stream = entry.Open();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxContentTypesBytes });
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || !names.Contains(reader.LocalName))
                continue;
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            while (reader.MoveToNextAttribute())
                attributes[reader.LocalName] = reader.Value;
            yield return attributes;
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
