using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ParIndex.Core.Dossiers;
using ParIndex.Dossiers.Import;

namespace ParIndex.Dossiers;

/// <summary>One event in the JSON format: its kind (e.g. "ProcessingDone") and instant (ISO 8601; local time when no offset).</summary>
public sealed record DossierEventJson(string? Kind, string? At);

/// <summary>
/// A dossier in the batch API's JSON (an array of these; docs/dossiers.md §4): the same fields and value forms as the
/// CSV columns, with the events as a list. Instants and dates are strings, read exactly as CSV cells are.
/// </summary>
public sealed record DossierJson
{
    public string? Code { get; init; }
    public string? Unit { get; init; }
    public string? Procedure { get; init; }
    public string? Channel { get; init; }
    public string? ReceivedAt { get; init; }
    public string? PromisedAt { get; init; }
    public IReadOnlyList<DossierEventJson>? Events { get; init; }
    public string? Payment { get; init; }
    public bool? Digitised { get; init; }
    public bool? ElectronicResult { get; init; }
    public bool? EndToEnd { get; init; }
    public string? Rating { get; init; }

    internal static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>The object's values as UTF-8 cells by column; null (with an issue) when an event kind is unknown.</summary>
    internal byte[]?[]? ToCells(long index, List<RowIssue> issues)
    {
        var cells = new byte[]?[DossierColumns.Count];
        void Set(DossierColumn column, string? value)
        {
            if (value is not null)
                cells[(int)column] = Encoding.UTF8.GetBytes(value);
        }
        Set(DossierColumn.Code, Code);
        Set(DossierColumn.Unit, Unit);
        Set(DossierColumn.Procedure, Procedure);
        Set(DossierColumn.Channel, Channel);
        Set(DossierColumn.ReceivedAt, ReceivedAt);
        Set(DossierColumn.PromisedAt, PromisedAt);
        Set(DossierColumn.Payment, Payment);
        Set(DossierColumn.Digitised, Digitised is { } d ? (d ? "1" : "0") : null);
        Set(DossierColumn.ElectronicResult, ElectronicResult is { } e ? (e ? "1" : "0") : null);
        Set(DossierColumn.EndToEnd, EndToEnd is { } t ? (t ? "1" : "0") : null);
        Set(DossierColumn.Rating, Rating);
        if (Events is { Count: > 0 })
        {
            var byKind = new Dictionary<DossierEventKind, List<string>>();
            foreach (var item in Events)
            {
                if (!Enum.TryParse<DossierEventKind>(item.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(item.Kind, out _))
                {
                    issues.Add(new RowIssue(index, "events", Code, $"Loại sự kiện '{item.Kind}' không hợp lệ ({string.Join(", ", Enum.GetNames<DossierEventKind>())}).",
                        $"Unknown event kind '{item.Kind}' ({string.Join(", ", Enum.GetNames<DossierEventKind>())})."));
                    return null;
                }
                if (!byKind.TryGetValue(kind, out var list))
                    byKind[kind] = list = [];
                list.Add(item.At ?? "");
            }
            foreach (var (kind, instants) in byKind)
                Set(DossierColumns.ForEvent(kind), string.Join(';', instants.Select(i => i.Length == 0 ? "?" : i)));
        }
        return cells;
    }
}
