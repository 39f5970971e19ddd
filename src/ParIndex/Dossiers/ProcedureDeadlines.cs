using ParIndex.Core.Calendar;

namespace ParIndex.Dossiers;

/// <summary>
/// Maps a catalogue procedure to the deadline rules of <see cref="WorkingCalendar.ComputeDue"/>.
/// </summary>
/// <remarks>
/// Processing times are whole numbers in every unit, hours included. The law counts days whole (Civil Code 2015
/// art. 147), and <see cref="DeadlinePolicy"/> counts whole office hours; procedures stated in hours name whole
/// hours ("trong 04 giờ làm việc", "24 giờ"), and "half a working day" is 4 office hours. A fractional time is
/// refused when the procedure is saved or imported, so every stored procedure maps without rounding.
/// A received-outside-office-hours filing counts from the next opening (the default of DOMAIN.md §6).
/// </remarks>
public static class ProcedureDeadlines
{
    public static DeadlinePolicy PolicyFor(Procedure procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        if (procedure.ProcessingTime < 0 || procedure.ProcessingTime != decimal.Truncate(procedure.ProcessingTime) || procedure.ProcessingTime > int.MaxValue)
            throw new InvalidOperationException($"Procedure {procedure.Code}: processing time {procedure.ProcessingTime} is not a whole number of {procedure.ProcessingUnit}; ProcedureService refuses such values on save.");
        return new DeadlinePolicy((int)procedure.ProcessingTime, procedure.ProcessingUnit)
        {
            CountsFromNextWorkingDayAfterCutOff = procedure.AfterCutOffCountsNextDay,
        };
    }

    /// <summary>"3 ngày làm việc", "trong ngày (sau 15:00: ngày làm việc tiếp theo)".</summary>
    public static string DescribeVi(Procedure procedure)
    {
        var policy = PolicyFor(procedure);
        return policy.DescribeVi() + (procedure.AfterCutOffCountsNextDay ? "; nhận sau 15:00 tính từ ngày làm việc tiếp theo" : "");
    }

    public static string DescribeEn(Procedure procedure)
    {
        var policy = PolicyFor(procedure);
        return policy.DescribeEn() + (procedure.AfterCutOffCountsNextDay ? "; received after 15:00 counts from the next working day" : "");
    }
}
