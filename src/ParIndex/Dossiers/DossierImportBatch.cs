namespace ParIndex.Dossiers;

public enum ImportBatchStatus
{
    /// <summary>Queued or being read.</summary>
    Running,
    /// <summary>Every row was stored.</summary>
    Completed,
    /// <summary>Finished; some rows were rejected (see the row errors) and the others stored.</summary>
    CompletedWithErrors,
    /// <summary>Stopped before the end of the input (cut-off file, unreadable data, cancelled, crashed): the rows committed before the stop are stored.</summary>
    Failed,
}

public enum ImportSource
{
    Cli,
    Upload,
    Api,
    Demo,
}

/// <summary>One run of the dossier importer: where the rows came from, how far it got, and what it counted.</summary>
public sealed class DossierImportBatch
{
    public int Id { get; set; }
    public ImportSource Source { get; set; }
    public string? FileName { get; set; }
    public long? FileBytes { get; set; }
    public required string Actor { get; set; }
    public ImportBatchStatus Status { get; set; }
    public DateTime StartedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>Data rows read so far (the header not counted).</summary>
    public long RowsRead { get; set; }
    public long RowsStored { get; set; }
    public long RowsRejected { get; set; }
    public long Created { get; set; }
    public long Updated { get; set; }

    /// <summary>Rows whose code appeared earlier in the same input: the later row replaced the earlier one.</summary>
    public long Duplicates { get; set; }

    /// <summary>Bytes of the input read so far, for progress and ETA.</summary>
    public long BytesRead { get; set; }

    /// <summary>Why the batch failed, when it did.</summary>
    public string? Message { get; set; }

    /// <summary>Row problems stored (at most <see cref="DossierImporter.MaxStoredErrors"/>; <see cref="RowsRejected"/> counts all).</summary>
    public int ErrorsStored { get; set; }
}

/// <summary>A problem with one row of a batch: the row (1 = the header, so data starts at 2; the object's index for JSON), the column, the reason.</summary>
public sealed class DossierImportError
{
    public long Id { get; set; }
    public int BatchId { get; set; }
    public long RowNumber { get; set; }
    public string? ColumnName { get; set; }
    public string? Code { get; set; }
    public required string Message { get; set; }
    public required string MessageEn { get; set; }

    public string Text(Core.Language language) => language == Core.Language.En ? MessageEn : Message;
}
