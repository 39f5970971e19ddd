using ParIndex.Core.Dossiers;
using ParIndex.Dossiers.Import;

namespace ParIndex.Dossiers.Stats;

/// <summary>What the monthly statistics count of one dossier: the columns of its three keys and counters.</summary>
internal readonly record struct DossierFacts(
    int UnitId, int ProcedureId, int ReceivedMonth, DossierChannel Channel, bool EndToEnd, bool Digitised, DossierPayment Payment, bool DuePromised,
    int? EndMonth, DossierOutcome Outcome, bool HasApology, short? ProcessingDays, bool ElectronicResult, DossierRating Rating,
    short? OpenSpan, DateOnly? OverdueFrom)
{
    public static DossierFacts From(in StagedDossier d, bool hasApology) => new(
        d.UnitId, d.ProcedureId, d.ReceivedMonth, d.Channel, d.EndToEnd, d.Digitised, d.Payment, d.DuePromised,
        d.EndMonth, d.Outcome, hasApology, d.ProcessingDays, d.ElectronicResult, d.Rating, d.OpenSpan, d.OverdueFrom);

    public static DossierFacts From(Dossier d) => new(
        d.UnitId, d.ProcedureId, d.ReceivedMonth, d.Channel, d.EndToEnd, d.Digitised, d.Payment, d.DuePromised,
        d.EndMonth, d.Outcome, d.HasApology, d.ProcessingDays, d.ElectronicResult, d.Rating, d.OpenSpan, d.OverdueFrom);
}
