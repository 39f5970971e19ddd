namespace ParIndex.Core.Dossiers;

/// <summary>
/// The apology a late dossier needs: "Phiếu xin lỗi và hẹn lại ngày trả kết quả" (since 2025 "Văn bản xin lỗi và đề
/// nghị gia hạn thời gian giải quyết"), with the date it was issued, the reason for the delay and the new
/// appointment (Decree 61/2018/NĐ-CP art. 19, as amended by Decree 107/2021/NĐ-CP).
/// </summary>
public static class ApologyRules
{
    public const string IssuedOn = "issued_on";
    public const string Reason = "reason";
    public const string NewAppointment = "new_appointment";
    public const int MaxReasonLength = 2000;

    /// <summary>
    /// Problems with an apology for a dossier received on <paramref name="receivedOn"/> and due on
    /// <paramref name="dueOn"/>: each of date, reason and new appointment is required; the date lies between the
    /// receipt and today; the new appointment is after the original due date and not before the apology.
    /// </summary>
    public static List<DossierProblem> Validate(DateOnly? issuedOn, string? reason, DateOnly? newAppointment, DateOnly receivedOn, DateOnly dueOn, DateOnly today)
    {
        var problems = new List<DossierProblem>();
        if (issuedOn is null)
            problems.Add(new(IssuedOn, "Thiếu ngày của văn bản xin lỗi.", "The apology's date is missing."));
        else if (issuedOn < receivedOn)
            problems.Add(new(IssuedOn, $"Ngày xin lỗi {DossierText.Date(issuedOn.Value)} trước ngày tiếp nhận hồ sơ {DossierText.Date(receivedOn)}.",
                $"The apology date {DossierText.Date(issuedOn.Value)} is before the dossier was received ({DossierText.Date(receivedOn)})."));
        else if (issuedOn > today)
            problems.Add(new(IssuedOn, $"Ngày xin lỗi {DossierText.Date(issuedOn.Value)} ở tương lai.", $"The apology date {DossierText.Date(issuedOn.Value)} is in the future."));

        if (string.IsNullOrWhiteSpace(reason))
            problems.Add(new(Reason, "Thiếu lý do trễ hạn.", "The reason for the delay is missing."));
        else if (reason.Length > MaxReasonLength)
            problems.Add(new(Reason, $"Lý do dài quá {MaxReasonLength} ký tự.", $"The reason is longer than {MaxReasonLength} characters."));

        if (newAppointment is null)
            problems.Add(new(NewAppointment, "Thiếu ngày hẹn trả kết quả mới.", "The new appointment date is missing."));
        else if (newAppointment <= dueOn)
            problems.Add(new(NewAppointment, $"Ngày hẹn mới {DossierText.Date(newAppointment.Value)} phải sau hạn trả ban đầu {DossierText.Date(dueOn)}.",
                $"The new appointment {DossierText.Date(newAppointment.Value)} must be after the original due date {DossierText.Date(dueOn)}."));
        else if (issuedOn is { } issued && newAppointment < issued)
            problems.Add(new(NewAppointment, $"Ngày hẹn mới {DossierText.Date(newAppointment.Value)} trước ngày xin lỗi {DossierText.Date(issued)}.",
                $"The new appointment {DossierText.Date(newAppointment.Value)} is before the apology date {DossierText.Date(issued)}."));
        return problems;
    }

    /// <summary>Whether a dossier needs an apology as of <paramref name="today"/>: it ended late, or it is open and overdue.</summary>
    public static bool IsRequired(in DossierJudgement judgement, DateTimeOffset receivedAt, DateOnly today) =>
        OnTimeRule.StatusAt(judgement, receivedAt, today) is PeriodStatus.Late or PeriodStatus.OpenOverdue;
}
