using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ParIndex.Calendar;
using ParIndex.Core.Calendar;
using ParIndex.Core.Dossiers;
using ParIndex.Data;
using ParIndex.Demo;

namespace ParIndex.Dossiers;

/// <summary>
/// A year of synthetic one-stop dossiers for the demo city, in the CSV format of the importer and through it (so the
/// demo exercises the real path). Each unit gets dossiers in proportion to its demo profile
/// (<see cref="DemoScores.Profile"/>: volume, on-time rate, online, payment and digitisation shares, apology rate), so
/// the indicators computed from the dossiers resemble the scores the demo frameworks were fed. Deterministic for a
/// year, count and seed. About 8 % of dossiers ask for one supplement and 1 % for two; 2 % are refused, 1.5 %
/// withdrawn, 1 % stopped; dossiers whose processing would end after today stay open.
/// </summary>
public sealed class DemoDossiers(AppDbContext db, DossierImporter importer, WorkingCalendarProvider calendars, TimeProvider clock)
{
    private sealed record UnitPlan(int Id, string Code, DateOnly From, DateOnly To, double Weight, DemoUnitYearProfile Profile, Procedure[] Pool, double Quality);

    /// <summary>Generates <paramref name="count"/> dossiers received in <paramref name="year"/>, imports them, and records apologies for most late ones.</summary>
    public async Task<DossierImportReport> GenerateAsync(int year, int count, IProgress<DossierImportProgress>? progress = null, int seed = 766, CancellationToken cancellationToken = default)
    {
        var plan = await PlanAsync(year, cancellationToken);
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19));
        var writing = Task.Run(async () =>
        {
            await using var output = pipe.Writer.AsStream();
            try
            {
                await WriteCsvAsync(output, plan, year, count, seed, cancellationToken);
            }
            catch (Exception exception)
            {
                await pipe.Writer.CompleteAsync(exception);
                throw;
            }
        }, cancellationToken);
        DossierImportReport report;
        await using (var input = pipe.Reader.AsStream())
            report = await importer.ImportCsvAsync(input, new DossierImportRequest(ImportSource.Demo, "demo-seed", $"demo-{year}-{count}.csv"), progress, cancellationToken: cancellationToken);
        await writing;
        await AddApologiesAsync(report.BatchId, plan, year, seed, cancellationToken);
        return report;
    }

    /// <summary>Writes the CSV only (benchmarks, <c>parindex export demo-dossiers</c>); returns the rows written.</summary>
    public async Task<long> WriteCsvAsync(Stream output, int year, int count, int seed = 766, CancellationToken cancellationToken = default) =>
        await WriteCsvAsync(output, await PlanAsync(year, cancellationToken), year, count, seed, cancellationToken);

    private async Task<List<UnitPlan>> PlanAsync(int year, CancellationToken cancellationToken)
    {
        if (!await db.Procedures.AnyAsync(cancellationToken))
        {
            // The generator needs a catalogue; an empty database gets the demo one.
            db.Procedures.AddRange(ProcedureCatalogueDemo.All());
            await db.SaveChangesAsync(cancellationToken);
        }
        var procedures = await db.Procedures.AsNoTracking().OrderBy(p => p.Code).ToArrayAsync(cancellationToken);
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var units = await db.Units.AsNoTracking()
            .Where(u => u.ValidFrom <= last && (u.ValidTo == null || u.ValidTo >= first))
            .OrderBy(u => u.Code).ToListAsync(cancellationToken);
        // Units that are only containers (e.g. a district whose wards are assessed) still receive dossiers in the demo.
        var plan = new List<UnitPlan>();
        foreach (var unit in units)
        {
            var profile = DemoScores.Profile(unit.Code, year);
            var from = unit.ValidFrom > first ? unit.ValidFrom : first;
            var to = unit.ValidTo is { } end && end < last ? end : last;
            var level = unit.Kind switch
            {
                Units.UnitKind.Ward => ProcedureLevel.Commune,
                Units.UnitKind.District or Units.UnitKind.ThuDucCity => ProcedureLevel.District,
                _ => ProcedureLevel.Province,
            };
            var pool = procedures.Where(p => p.Level == level).ToArray();
            if (pool.Length == 0)
                pool = procedures;
            double share = (to.DayNumber - from.DayNumber + 1) / 365.0;
            plan.Add(new UnitPlan(unit.Id, unit.Code, from, to, profile.Dossiers * share, profile, pool, (double)profile.Quality));
        }
        if (plan.Count == 0)
            throw new InvalidOperationException($"There is no unit in {year} to generate dossiers for.");
        return plan;
    }

    private async Task<long> WriteCsvAsync(Stream output, List<UnitPlan> plan, int year, int count, int seed, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = VietnamTime.LocalDate(now);
        var random = new Random(DemoRandom.Seed($"dossiers|{year}|{count}|{seed}"));
        double totalWeight = plan.Sum(u => u.Weight);
        var perDay = plan.Select(u =>
        {
            int workingDays = Math.Max(1, calendar.CountWorkingDays(u.From.AddDays(-1), u.To));
            return count * (u.Weight / totalWeight) / workingDays;
        }).ToArray();
        var policies = plan.SelectMany(u => u.Pool).DistinctBy(p => p.Id).ToDictionary(p => p.Id, ProcedureDeadlines.PolicyFor);

        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        await writer.WriteAsync(string.Join(',', Import.DossierColumns.EnglishHeaders) + "\n");
        long written = 0;
        var line = new StringBuilder(256);
        var sequence = new Dictionary<(int, DateOnly), int>();
        for (var day = new DateOnly(year, 1, 1); day.Year == year && day <= today && written < count; day = day.AddDays(1))
        {
            bool working = calendar.IsWorkingDay(day);
            for (int u = 0; u < plan.Count && written < count; u++)
            {
                var unit = plan[u];
                if (day < unit.From || day > unit.To)
                    continue;
                // Online filings arrive at weekends too, at a fifth of the weekday rate.
                double expected = working ? perDay[u] : perDay[u] * (double)unit.Profile.Values["dossiers.online_share"] / 100 * 0.2;
                int n = (int)expected + (random.NextDouble() < expected - Math.Floor(expected) ? 1 : 0);
                for (int k = 0; k < n && written < count; k++)
                {
                    line.Clear();
                    if (Dossier(line, unit, day, working, random, calendar, policies, now))
                    {
                        line.Append('\n');
                        await writer.WriteAsync(line, cancellationToken);
                        written++;
                    }
                }
            }
        }
        await writer.FlushAsync(cancellationToken);
        return written;

        bool Dossier(StringBuilder s, UnitPlan unit, DateOnly day, bool working, Random r, WorkingCalendar calendar, Dictionary<int, DeadlinePolicy> policies, DateTimeOffset now)
        {
            var values = unit.Profile.Values;
            double onlineShare = (double)values["dossiers.online_share"] / 100d;
            var channel = !working || r.NextDouble() < onlineShare ? DossierChannel.Online : r.NextDouble() < 0.03 ? DossierChannel.Postal : DossierChannel.InPerson;
            // Popular procedures dominate: squaring a uniform draw favours the start of the pool.
            var procedure = unit.Pool[(int)(unit.Pool.Length * Math.Pow(r.NextDouble(), 2.2))];
            var policy = policies[procedure.Id];
            var time = channel == DossierChannel.Online
                ? new TimeOnly(6 + r.Next(17), r.Next(60), r.Next(60))
                : r.NextDouble() < 0.55 ? new TimeOnly(7, 30).AddMinutes(r.Next(240)).Add(TimeSpan.FromSeconds(r.Next(60))) : new TimeOnly(13, 0).AddMinutes(r.Next(240)).Add(TimeSpan.FromSeconds(r.Next(60)));
            var received = VietnamTime.At(day, time);
            if (received > now)
                return false;
            var due = calendar.ComputeDue(received, policy);
            var dueDay = VietnamTime.LocalDate(due);
            var start = VietnamTime.LocalDate(received);

            double lateRate = (double)(100 - values["dossiers.on_time_rate"]) / 100;
            double draw = r.NextDouble();
            int supplements = draw < 0.01 ? 2 : draw < 0.09 ? 1 : 0;
            bool late = supplements == 2 || r.NextDouble() < lateRate;
            var events = new List<(char Column, DateTimeOffset At)>();
            var cursor = start;
            int pause = 0;
            DateTimeOffset Office(DateOnly d) => VietnamTime.At(d, new TimeOnly(8, 0).AddMinutes(r.Next(480)));
            for (int i = 0; i < supplements; i++)
            {
                var requested = calendar.AddWorkingDays(cursor, 1);
                int wait = 1 + r.Next(5);
                var completed = calendar.AddWorkingDays(requested, wait);
                events.Add(('S', Office(requested)));
                events.Add(('C', Office(completed)));
                pause += wait;
                cursor = completed;
            }
            var dueMoved = pause > 0 ? calendar.AddWorkingDays(dueDay, pause) : dueDay;
            DateOnly endDay;
            if (late)
                endDay = calendar.AddWorkingDays(dueMoved, 1 + (int)(r.NextDouble() * r.NextDouble() * 12));
            else
            {
                int available = Math.Max(0, calendar.CountWorkingDays(cursor, dueMoved));
                endDay = available == 0 ? (cursor > dueMoved ? cursor : dueMoved) : calendar.AddWorkingDays(cursor, r.Next(available + 1));
                if (endDay < cursor)
                    endDay = cursor;
            }
            var endAt = Office(endDay);
            // The end comes after the receipt and after every supplement event.
            var earliest = events.Count == 0 ? received : events.Max(e => e.At);
            if (endAt <= earliest)
                endAt = earliest.AddMinutes(20 + r.Next(200));
            if (endAt.Date == VietnamTime.ToLocal(received).Date && endAt.TimeOfDay > new TimeSpan(17, 0, 0) && policy.Unit != DeadlineUnit.Hours)
                endAt = received.AddMinutes(10);
            // Events not yet in the past stay out: the dossier is still open.
            events.RemoveAll(e => e.At > now);
            double kind = r.NextDouble();
            bool withResult = false;
            if (endAt <= now)
            {
                if (kind < 0.02)
                    events.Add(('F', endAt));
                else if (kind < 0.035)
                    events.Add(('W', endAt));
                else if (kind < 0.045)
                    events.Add(('X', endAt));
                else
                {
                    withResult = true;
                    events.Add(('D', endAt));
                    var returned = VietnamTime.At(calendar.AddWorkingDays(VietnamTime.LocalDate(endAt), r.Next(3)), new TimeOnly(9, 0).AddMinutes(r.Next(420)));
                    if (returned < endAt)
                        returned = endAt.AddMinutes(30);
                    if (returned <= now)
                        events.Add(('R', returned));
                }
            }

            int seq = sequence.TryGetValue((unit.Id, day), out var n) ? n + 1 : 1;
            sequence[(unit.Id, day)] = seq;
            s.Append(unit.Code).Append('-').Append(day.ToString("yyMMdd", CultureInfo.InvariantCulture)).Append('-').Append(seq.ToString("00000", CultureInfo.InvariantCulture)).Append(',');
            s.Append(unit.Code).Append(',').Append(procedure.Code).Append(',');
            s.Append(channel switch { DossierChannel.Online => "truc_tuyen", DossierChannel.Postal => "buu_chinh", _ => "truc_tiep" }).Append(',');
            Stamp(s, received).Append(',');
            if (r.NextDouble() < 0.88)
                s.Append(dueDay.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
            s.Append(',');
            foreach (var column in "SCDRFXW")
            {
                bool firstOfKind = true;
                foreach (var e in events)
                    if (e.Column == column)
                    {
                        if (!firstOfKind) s.Append(';');
                        Stamp(s, e.At);
                        firstOfKind = false;
                    }
                s.Append(',');
            }
            if (procedure.FeeBearing)
                s.Append(r.NextDouble() < (double)values["dossiers.online_payment_share"] / 100 * (channel == DossierChannel.Online ? 1.15 : 0.6) ? "truc_tuyen" : "truc_tiep");
            s.Append(',');
            s.Append(r.NextDouble() < (double)values["dossiers.digitised_share"] / 100 ? '1' : '0').Append(',');
            s.Append(withResult && r.NextDouble() < (double)values["dossiers.digitised_share"] / 100 * 0.85 ? '1' : '0').Append(',');
            s.Append(',');
            if (withResult && r.NextDouble() < 0.35)
            {
                double unhappy = 0.02 + (1 - unit.Quality) * 0.12 + (late ? 0.15 : 0);
                double mood = r.NextDouble();
                s.Append(mood < unhappy ? "khong_hai_long" : mood < unhappy + 0.3 ? "hai_long" : "rat_hai_long");
            }
            return true;
        }
    }

    private static StringBuilder Stamp(StringBuilder s, DateTimeOffset instant)
    {
        var local = VietnamTime.ToLocal(instant);
        return s.Append(local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
    }

    /// <summary>Apologies for a share of the batch's late dossiers: each unit's demo apology rate.</summary>
    private async Task AddApologiesAsync(int batchId, List<UnitPlan> plan, int year, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(DemoRandom.Seed($"apologies|{year}|{seed}"));
        var rates = plan.ToDictionary(u => u.Id, u => (double)u.Profile.Values["dossiers.apology_rate"] / 100);
        string[] reasons =
        [
            "Hồ sơ phải lấy ý kiến của cơ quan có liên quan, chưa nhận được văn bản trả lời.",
            "Cần xác minh thực địa, kết quả xác minh chưa hoàn tất.",
            "Hệ thống phần mềm gặp sự cố trong thời gian xử lý hồ sơ.",
            "Số lượng hồ sơ tiếp nhận tăng đột biến, vượt khả năng xử lý đúng hạn.",
            "Công chức thụ lý hồ sơ nghỉ ốm đột xuất.",
        ];
        var today = VietnamTime.LocalDate(clock.GetUtcNow());
        long lastId = 0;
        while (true)
        {
            var late = await db.Dossiers.AsNoTracking()
                .Where(d => d.Outcome != DossierOutcome.OnTime && !d.HasApology && d.BatchId == batchId && d.Id > lastId && (d.Outcome == DossierOutcome.Late || d.OverdueFrom <= today))
                .OrderBy(d => d.Id).Take(5_000)
                .Select(d => new { d.Id, d.UnitId, d.DueAtUtc, d.ReceivedAtUtc, d.EndedAtUtc }).ToListAsync(cancellationToken);
            if (late.Count == 0)
                break;
            foreach (var d in late)
            {
                if (random.NextDouble() >= rates.GetValueOrDefault(d.UnitId, 0.8))
                    continue;
                var dueOn = VietnamTime.LocalDate(DossierService.Utc(d.DueAtUtc));
                var issued = dueOn > VietnamTime.LocalDate(DossierService.Utc(d.ReceivedAtUtc)) ? dueOn.AddDays(-1) : dueOn;
                if (issued > today)
                    issued = today;
                db.DossierApologies.Add(new DossierApology
                {
                    DossierId = d.Id,
                    IssuedOn = issued,
                    Reason = reasons[random.Next(reasons.Length)],
                    NewAppointment = (d.EndedAtUtc is { } end ? VietnamTime.LocalDate(DossierService.Utc(end)) : dueOn.AddDays(7)) is var appointment && appointment > dueOn ? appointment : dueOn.AddDays(3),
                    RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
                    RecordedBy = "demo-seed",
                });
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            lastId = late[^1].Id;
        }
        // One statement for the flags rather than tracking every dossier; the statistics are then recomputed with it.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("UPDATE dossiers SET has_apology = TRUE WHERE has_apology = FALSE AND id IN (SELECT dossier_id FROM dossier_apologies)", cancellationToken);
        await Stats.DossierStatsRebuild.RunAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
