using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;

namespace ParIndex.Tests.Assessments;

/// <summary>
/// Reads the text of a PDF written by PDFsharp: glyph ids shown by Tj/TJ, turned back into letters through each font's
/// ToUnicode map, one line per text object. Enough to check that Vietnamese came out with its diacritics.
/// </summary>
public static partial class PdfText
{
    public static string Extract(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var text = new StringBuilder();
        foreach (var page in document.Pages)
        {
            var maps = new Dictionary<string, Dictionary<int, string>>();
            var fonts = page.Resources.Elements.GetDictionary("/Font");
            if (fonts is not null)
                foreach (var key in fonts.Elements.Keys)
                {
                    var font = fonts.Elements.GetDictionary(key);
                    var toUnicode = font?.Elements.GetDictionary("/ToUnicode");
                    if (toUnicode?.Stream is { } stream)
                        maps[key] = ParseCMap(Encoding.ASCII.GetString(stream.UnfilteredValue));
                }
            Dictionary<int, string>? current = null;
            foreach (var op in Operators(ContentReader.ReadContent(page)))
            {
                switch (op.OpCode.Name)
                {
                    case "Tf" when op.Operands.Count > 0 && op.Operands[0] is CName name:
                        maps.TryGetValue(name.Name, out current);
                        break;
                    case "Tj" when op.Operands.Count > 0 && op.Operands[0] is CString shown:
                        text.Append(Decode(shown.Value, current));
                        break;
                    case "TJ" when op.Operands.Count > 0 && op.Operands[0] is CArray parts:
                        foreach (var part in parts.OfType<CString>())
                            text.Append(Decode(part.Value, current));
                        break;
                    case "ET":
                        text.Append('\n');
                        break;
                }
            }
        }
        return text.ToString();
    }

    private static IEnumerable<COperator> Operators(CSequence sequence)
    {
        foreach (var item in sequence)
        {
            if (item is COperator op)
                yield return op;
            else if (item is CSequence inner)
                foreach (var nested in Operators(inner))
                    yield return nested;
        }
    }

    private static string Decode(string raw, Dictionary<int, string>? map)
    {
        if (map is null)
            return raw;
        var result = new StringBuilder();
        for (var i = 0; i + 1 < raw.Length; i += 2)
        {
            var glyph = (raw[i] << 8) | raw[i + 1];
            result.Append(map.TryGetValue(glyph, out var letters) ? letters : "?");
        }
        return result.ToString();
    }

    private static Dictionary<int, string> ParseCMap(string cmap)
    {
        var map = new Dictionary<int, string>();
        foreach (Match block in BfChar().Matches(cmap))
            foreach (Match pair in Pair().Matches(block.Groups[1].Value))
                map[int.Parse(pair.Groups[1].Value, NumberStyles.HexNumber)] = Unicode(pair.Groups[2].Value);
        foreach (Match block in BfRange().Matches(cmap))
            foreach (Match range in Range().Matches(block.Groups[1].Value))
            {
                int from = int.Parse(range.Groups[1].Value, NumberStyles.HexNumber), to = int.Parse(range.Groups[2].Value, NumberStyles.HexNumber);
                var start = int.Parse(range.Groups[3].Value, NumberStyles.HexNumber);
                for (var g = from; g <= to; g++)
                    map[g] = char.ConvertFromUtf32(start + g - from);
            }
        return map;
    }

    private static string Unicode(string hex)
    {
        var units = Enumerable.Range(0, hex.Length / 4).Select(i => (char)int.Parse(hex.Substring(i * 4, 4), NumberStyles.HexNumber)).ToArray();
        return new string(units);
    }

    [GeneratedRegex(@"beginbfchar(.*?)endbfchar", RegexOptions.Singleline)]
    private static partial Regex BfChar();

    [GeneratedRegex(@"beginbfrange(.*?)endbfrange", RegexOptions.Singleline)]
    private static partial Regex BfRange();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex Pair();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex Range();
}
