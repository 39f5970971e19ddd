using ParIndex.Core.Frameworks;
using static ParIndex.Demo.Kit;

namespace ParIndex.Demo;

/// <summary>Field 5: Cải cách chế độ công vụ.</summary>
internal static class DemoFieldCivilService
{
    public static FrameworkNode Build(DemoFieldContext c)
    {
        var jobs = Group("f5.jobs", 1.5m, "Vị trí việc làm", "Job positions",
            Rubric3("f5.jobs.scheme", 0.5m,
                    c.Ward ? "Xây dựng, trình phê duyệt vị trí việc làm của UBND phường, xã sau sắp xếp"
                        : "Xây dựng, điều chỉnh Đề án vị trí việc làm được cấp có thẩm quyền phê duyệt",
                    "Job-position scheme prepared and approved",
                    "Được phê duyệt, cập nhật kịp thời", "Approved and up to date",
                    "Đã xây dựng, chưa được phê duyệt", "Drafted, not approved",
                    "Chưa xây dựng", "Not drafted")
                .Basis(DemoLaw.JobPositions),
            Ratio("f5.jobs.fit", 1, "Tỷ lệ công chức được bố trí đúng vị trí việc làm được phê duyệt",
                    "Share of civil servants placed in approved positions",
                    Brackets(B(95, null, 1), B(85, 95, 0.5m), B(null, 85, 0)), "Số công chức bố trí đúng vị trí việc làm", "Tổng số công chức")
                .Basis(DemoLaw.JobPositions));

        var recruit = Rubric3("f5.hiring.recruit", c.Department ? 1.5m : 1, "Thực hiện đúng quy định về tuyển dụng công chức, viên chức",
                "Recruitment carried out as the rules require",
                "Đúng quy định", "As required",
                "Có sai sót được khắc phục", "Errors found and corrected",
                "Có vi phạm", "Violations")
            .Na(NotApplicablePolicy.FullPoints)
            .Basis(DemoLaw.Recruitment)
            .Guide("Không tổ chức tuyển dụng trong năm thì được điểm tối đa.", "Full points when there was no recruitment.");
        FrameworkNode hiring = c.Profile switch
        {
            DemoProfile.Department => Group("f5.hiring", 2, "Tuyển dụng, sử dụng công chức, viên chức", "Recruitment and careers",
                recruit,
                Manual("f5.hiring.promote", 0.5m, "Thực hiện quy định về nâng ngạch, thăng hạng chức danh nghề nghiệp",
                        "Promotions between grades carried out as required", step: 0.25m)
                    .Na(NotApplicablePolicy.RemoveFromMaximum)
                    .Basis(DemoLaw.Recruitment)),
            DemoProfile.District => Group("f5.hiring", 1.5m, "Tuyển dụng, bổ nhiệm", "Recruitment and appointments",
                recruit,
                Rubric3("f5.hiring.appoint", 0.5m, "Thực hiện đúng quy định về bổ nhiệm, bổ nhiệm lại lãnh đạo cấp phòng",
                        "Appointments of office heads carried out as required",
                        "Đúng quy định", "As required", "Có sai sót", "Errors", "Có vi phạm", "Violations")
                    .Na(NotApplicablePolicy.FullPoints)
                    .Basis(DemoLaw.Recruitment)),
            _ => Rubric3("f5.placement", 1, "Bố trí, sử dụng cán bộ, công chức sau sắp xếp đúng quy định",
                    "Staff placed correctly after the reorganisation",
                    "Đúng quy định, phù hợp vị trí việc làm", "Correct and matching positions",
                    "Còn bố trí chưa phù hợp", "Some mismatches",
                    "Có vi phạm", "Violations")
                .Basis(DemoLaw.Streamlining2025),
        };

        var appraisal = Rubric3("f5.appraisal", 1.5m,
                c.Revised ? "Đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức theo kết quả, sản phẩm cụ thể"
                    : "Đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức đúng quy định",
                c.Revised ? "Staff appraised on concrete results and outputs" : "Staff appraisal carried out as required",
                "Đúng quy định, có tiêu chí đánh giá theo kết quả, sản phẩm", "As required, with output-based criteria",
                "Đúng quy định nhưng chưa lượng hóa tiêu chí", "As required, criteria not quantified",
                "Không đúng quy định", "Not as required")
            .Basis(c.Revised ? DemoLaw.Appraisal2024 : DemoLaw.Appraisal2023);

        var trainingPlan = Ratio("f5.training.plan", 1, "Mức độ hoàn thành kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức",
                "Completion of the training plan", PlanScale(1), "Số lớp, nội dung đã thực hiện", "Số lớp, nội dung trong kế hoạch")
            .Basis(DemoLaw.Training);
        var training = Group("f5.training", 1.5m, "Đào tạo, bồi dưỡng", "Training",
            trainingPlan,
            c.District
                ? Ratio("f5.training.wardstaff", 0.5m, "Tỷ lệ cán bộ, công chức phường, xã, thị trấn đạt chuẩn theo quy định",
                        "Share of ward officials meeting the required standards",
                        Brackets(B(100, null, 0.5m), B(90, 100, 0.25m), B(null, 90, 0)), "Số cán bộ, công chức đạt chuẩn", "Tổng số cán bộ, công chức cấp xã")
                    .Basis(DemoLaw.Training)
                : Ratio("f5.training.digital", 0.5m, "Tỷ lệ cán bộ, công chức, viên chức được bồi dưỡng kiến thức, kỹ năng chuyển đổi số",
                        "Share of staff trained in digital skills",
                        Proportional, "Số người được bồi dưỡng", "Tổng số cán bộ, công chức, viên chức")
                    .Basis(DemoLaw.Training));

        var violationsMax = c.District ? 1 : 1.5m;
        var discipline = Group("f5.discipline", c.District ? 2 : 2.5m, "Chấp hành kỷ luật, kỷ cương hành chính", "Administrative discipline",
            Rubric3("f5.discipline.inspect", 0.5m, "Ban hành và thực hiện kế hoạch kiểm tra công vụ", "Civil-service inspection plan issued and carried out",
                    "Ban hành và thực hiện đầy đủ", "Issued and carried out",
                    "Ban hành nhưng thực hiện chưa đầy đủ", "Issued, partly carried out",
                    "Không ban hành", "Not issued")
                .Basis(DemoLaw.Discipline),
            Rubric("f5.discipline.violations", "Cán bộ, công chức, viên chức bị xử lý kỷ luật trong năm", "Staff disciplined during the year",
                    L(violationsMax, "Không có", "None"),
                    L(violationsMax / 2, "Có trường hợp bị khiển trách", "A reprimand"),
                    L(0, "Có trường hợp bị cảnh cáo trở lên", "A warning or heavier"))
                .Basis(DemoLaw.Discipline)
                .NoEvidence()
                .Guide("Sở Nội vụ đối chiếu với các quyết định kỷ luật đã gửi về; đơn vị không phải nộp tài liệu kiểm chứng.",
                    "The Department of Home Affairs checks the disciplinary decisions it received; no evidence needs uploading."),
            Manual("f5.discipline.culture", 0.5m, "Thực hiện văn hóa công vụ, quy tắc ứng xử của cán bộ, công chức, viên chức",
                    "Civil-service culture and code of conduct", step: 0.25m)
                .Basis(DemoLaw.ServiceCulture));

        var survey = Survey("f5.survey", 1, "Đánh giá về đội ngũ cán bộ, công chức của " + c.UnitWordVi + " (điều tra xã hội học)",
                "Assessment of the unit's civil servants (sociological survey)", "sociological.field5")
            .Basis(DemoLaw.Survey);

        return Group("f5", c.Department ? 10 : 9, "Cải cách chế độ công vụ", "Civil service reform",
            jobs, hiring, appraisal, training, discipline, survey);
    }
}
