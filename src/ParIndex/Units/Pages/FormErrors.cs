using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using ParIndex.Data.Tabular;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Units.Pages;

/// <summary>
/// Problems of a submitted form, keyed by the field names the services use ("code", "nameVi", …), so that a page
/// can show each message beside its field and a summary at the top.
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, List<string>> byField = new(StringComparer.Ordinal);

    public bool Any => byField.Count > 0;

    public IEnumerable<string> All => byField.Values.SelectMany(messages => messages);

    public bool Has(string field) => byField.ContainsKey(field);

    public IReadOnlyList<string> For(string field) => byField.TryGetValue(field, out var messages) ? messages : [];

    public FormErrors Add(string field, string message)
    {
        if (!byField.TryGetValue(field, out var messages))
            byField[field] = messages = [];
        if (!messages.Contains(message))
            messages.Add(message);
        return this;
    }

    /// <summary>Adds a service's problems, skipping fields that already have a problem of their own (e.g. a date that did not parse).</summary>
    public FormErrors Merge(Problems? problems, ISet<string>? skip = null)
    {
        if (problems is null)
            return this;
        foreach (var (field, messages) in problems.ToDictionary())
            if (skip is null || !skip.Contains(field))
                foreach (var message in messages)
                    Add(field, message);
        return this;
    }

    /// <summary>The id of the message element, for aria-describedby; null when the field is fine.</summary>
    public string? DescribedBy(string field) => Has(field) ? field + "-error" : null;

    public string? Invalid(string field) => Has(field) ? "true" : null;

    public string? InputClass(string field) => Has(field) ? "input-validation-error" : null;

    /// <summary>The messages of one field as paragraphs placed right under it.</summary>
    public IHtmlContent Render(string field)
    {
        var messages = For(field);
        if (messages.Count == 0)
            return HtmlString.Empty;
        var html = new HtmlContentBuilder();
        html.AppendHtml($"<div class=\"field-error\" id=\"{HtmlEncoder.Default.Encode(field)}-error\">");
        foreach (var message in messages)
            html.AppendHtml("<p>").Append(message).AppendHtml("</p>");
        html.AppendHtml("</div>");
        return html;
    }
}

/// <summary>Small helpers the organisation pages share.</summary>
public static class UnitPageText
{
    public static string SuccessionKindName(Core.Lineage.SuccessionKind kind) => kind switch
    {
        Core.Lineage.SuccessionKind.Merge => T("Sáp nhập", "Merge"),
        Core.Lineage.SuccessionKind.Split => T("Chia tách", "Split"),
        Core.Lineage.SuccessionKind.Rename => T("Đổi tên", "Rename"),
        _ => kind.ToString(),
    };

    /// <summary>Parses a date typed as dd/MM/yyyy (also d/M/yyyy or ISO, as in imported files).</summary>
    public static DateOnly? ParseDate(string? text) => Cells.TryDate(text, out var date) ? date : null;

    /// <summary>Search text folded like column names (case, diacritics and đ removed), so "ben nghe" finds "Bến Nghé".</summary>
    public static string Fold(string text) => ColumnName.Normalize(text);

    public static bool TryParseKind(string? text, out UnitKind kind)
    {
        kind = default;
        return !string.IsNullOrWhiteSpace(text) && !int.TryParse(text, out _)
            && Enum.TryParse(text, ignoreCase: true, out kind) && Enum.IsDefined(kind);
    }

    public static string UnitPath(string code) => "/quan-tri/don-vi/" + Uri.EscapeDataString(code);

    public static string BlockPath(int year, string code) => $"/quan-tri/khoi/{year}/{Uri.EscapeDataString(code)}";
}
