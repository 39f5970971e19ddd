using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;

namespace ParIndex.Dossiers.Pages.Admin;

/// <summary>One import batch: its progress while it runs (the page refreshes itself every two seconds), then the summary and the rejected rows.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class DossierBatchModel(DossierService dossiers, TimeProvider clock) : PageModel
{
    public DossierImportBatch Batch { get; private set; } = null!;
    public List<DossierImportError> Errors { get; private set; } = [];
    public TimeSpan Elapsed { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await dossiers.BatchAsync(id, cancellationToken) is not { } batch)
            return NotFound();
        Batch = batch;
        Elapsed = (batch.FinishedAtUtc ?? clock.GetUtcNow().UtcDateTime) - batch.StartedAtUtc;
        if (batch.Status == ImportBatchStatus.Running)
            Response.Headers["Refresh"] = "2"; // honoured by every browser; no script needed
        else
            Errors = await dossiers.BatchErrorsAsync(id, 0, 200, cancellationToken);
        return Page();
    }

    /// <summary>Every stored error of the batch as CSV (row, column, code, message in both languages).</summary>
    public async Task<IActionResult> OnGetErrorsAsync(int id, CancellationToken cancellationToken)
    {
        if (await dossiers.BatchAsync(id, cancellationToken) is null)
            return NotFound();
        var builder = new StringBuilder("\uFEFFrow,column,code,message_vi,message_en\r\n");
        await foreach (var error in dossiers.AllBatchErrors(id).WithCancellation(cancellationToken))
            builder.Append(error.RowNumber).Append(',').Append(Quote(error.ColumnName)).Append(',').Append(Quote(error.Code)).Append(',')
                .Append(Quote(error.Message)).Append(',').Append(Quote(error.MessageEn)).Append("\r\n");
        return File(Encoding.UTF8.GetBytes(builder.ToString()), "text/csv; charset=utf-8", $"loi-nhap-ho-so-{id}.csv");
    }

    private static string Quote(string? text) => text is null ? "" : text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;

    public double? Fraction => Batch.FileBytes is > 0 ? Math.Min(1, (double)Batch.BytesRead / Batch.FileBytes.Value) : null;

    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Batch.RowsRead / Elapsed.TotalSeconds : 0;

    /// <summary>Time left at the current pace, when the size of the input is known.</summary>
    public TimeSpan? Remaining => Fraction is > 0 and < 1 ? TimeSpan.FromSeconds(Elapsed.TotalSeconds * (1 - Fraction.Value) / Fraction.Value) : null;
}
