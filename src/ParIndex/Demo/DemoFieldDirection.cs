using ParIndex.Core.Frameworks;
using static ParIndex.Demo.Kit;

namespace ParIndex.Demo;

/// <summary>Field 1: Công tác chỉ đạo, điều hành cải cách hành chính.</summary>
internal static class DemoFieldDirection
{
    public static FrameworkNode Build(DemoFieldContext c)
    {
        var plan = Group("f1.plan", 2, "Kế hoạch cải cách hành chính năm", "Annual administrative reform plan",
            Rubric("f1.plan.issued", "Ban hành kế hoạch CCHC năm kịp thời", "Annual reform plan issued on time",
                    L(0.5m, "Ban hành đúng thời hạn theo hướng dẫn của UBND Thành phố", "Issued by the City's deadline"),
                    L(0.25m, "Ban hành chậm so với thời hạn", "Issued after the deadline"),
                    L(0, "Không ban hành kế hoạch", "No plan issued"))
                .Basis(DemoLaw.Programme)
                .Guide(c.PostReform
                        ? "Kế hoạch năm 2025 phải được rà soát, điều chỉnh sau khi sắp xếp tổ chức bộ máy, đơn vị hành chính."
                        : "Tài liệu kiểm chứng: kế hoạch CCHC năm đã ban hành.",
                    c.PostReform
                        ? "The 2025 plan must be reviewed and adjusted after the reorganisation."
                        : "Evidence: the annual plan as issued."),
            Rubric3("f1.plan.quality", 0.5m,
                "Kế hoạch xác định đầy đủ nhiệm vụ trên các lĩnh vực CCHC, có kết quả, sản phẩm cụ thể, thời hạn hoàn thành và phân công trách nhiệm",
                "The plan covers every reform field with concrete outputs, deadlines and responsibilities",
                "Đáp ứng đầy đủ các yêu cầu", "Meets every requirement",
                "Thiếu một trong các yêu cầu", "One requirement missing",
                "Thiếu từ hai yêu cầu trở lên", "Two or more requirements missing")
                .Basis(DemoLaw.Programme),
            Ratio("f1.plan.completion", 1, "Mức độ hoàn thành kế hoạch CCHC năm", "Completion of the annual reform plan",
                    PlanScale(1), "Số nhiệm vụ đã hoàn thành", "Số nhiệm vụ trong kế hoạch")
                .Basis(DemoLaw.Programme)
                .Guide("Tỷ lệ = số nhiệm vụ đã hoàn thành ÷ tổng số nhiệm vụ trong kế hoạch.", "Rate = tasks completed ÷ tasks in the plan."));

        var report = Ratio("f1.report", 1,
                "Thực hiện đầy đủ, đúng thời hạn chế độ báo cáo CCHC định kỳ (quý, 6 tháng, năm)",
                "Periodic reform reports (quarterly, half-year, annual) submitted in full and on time",
                Brackets(B(100, null, 1), B(75, 100, 0.5m), B(null, 75, 0)), "Số báo cáo gửi đúng hạn", "Số báo cáo phải gửi")
            .Basis(DemoLaw.Programme)
            .NoEvidence()
            .Guide("Sở Nội vụ đối chiếu trên Hệ thống thông tin báo cáo của Thành phố; đơn vị không phải nộp tài liệu kiểm chứng.",
                "The Department of Home Affairs checks the City's reporting system; no evidence needs uploading.");

        var inspectPlan = Rubric("f1.inspect.plan",
                c.Department ? "Ban hành kế hoạch kiểm tra CCHC đối với các phòng, đơn vị trực thuộc"
                : c.District ? "Ban hành kế hoạch kiểm tra CCHC đối với các phòng chuyên môn và UBND phường, xã, thị trấn"
                : "Ban hành kế hoạch kiểm tra CCHC, kiểm tra công vụ của UBND phường, xã",
                "Annual reform inspection plan issued",
                L(0.5m, "Ban hành trong quý I", "Issued in the first quarter"),
                L(0.25m, "Ban hành sau quý I", "Issued after the first quarter"),
                L(0, "Không ban hành", "Not issued"))
            .Basis(DemoLaw.Programme);
        var followUp = Ratio("f1.inspect.followup", c.Department ? 1 : 0.5m,
                "Xử lý các tồn tại, hạn chế phát hiện qua kiểm tra", "Follow-up of problems found by inspections",
                Proportional, "Số vấn đề đã xử lý hoặc kiến nghị xử lý", "Số vấn đề phát hiện qua kiểm tra")
            .Na(NotApplicablePolicy.FullPoints)
            .Guide("Trường hợp qua kiểm tra không phát hiện tồn tại, hạn chế thì được điểm tối đa.",
                "When inspections found nothing to correct the unit gets full points.");
        var inspect = c.Department
            ? Group("f1.inspect", 1.5m, "Kiểm tra công tác cải cách hành chính", "Inspection of administrative reform", inspectPlan, followUp)
            : Group("f1.inspect", c.District ? 2 : 1.5m, "Kiểm tra công tác cải cách hành chính", "Inspection of administrative reform",
                inspectPlan,
                c.District
                    ? Ratio("f1.inspect.coverage", 1, "Tỷ lệ phòng chuyên môn và UBND phường, xã, thị trấn được kiểm tra CCHC trong năm",
                        "Share of district offices and wards inspected during the year",
                        Brackets(B(30, null, 1), B(20, 30, 0.5m), B(null, 20, 0)), "Số đơn vị được kiểm tra", "Tổng số phòng chuyên môn và UBND phường, xã, thị trấn")
                    : Ratio("f1.inspect.coverage", 0.5m, "Tỷ lệ bộ phận chuyên môn, công chức được kiểm tra công vụ trong năm",
                        "Share of the ward's offices and civil servants inspected during the year",
                        Brackets(B(50, null, 0.5m), B(30, 50, 0.25m), B(null, 30, 0)), "Số bộ phận, công chức được kiểm tra", "Tổng số bộ phận, công chức"),
                followUp);

        var comms = Group("f1.comms", 1, "Công tác thông tin, tuyên truyền cải cách hành chính", "Communication about administrative reform",
            Ratio("f1.comms.plan", 0.5m, "Mức độ hoàn thành kế hoạch tuyên truyền CCHC", "Completion of the reform communication plan",
                    PlanScale(0.5m), "Số nội dung đã thực hiện", "Số nội dung trong kế hoạch")
                .Basis(DemoLaw.Programme),
            Manual("f1.comms.forms", 0.5m, "Đa dạng hóa hình thức tuyên truyền CCHC", "Variety of communication channels", step: 0.25m)
                .Guide("Mỗi hình thức được triển khai trong năm (hội nghị, Cổng/Trang thông tin điện tử, mạng xã hội, pa-nô, áp phích, cuộc thi…) được 0,25 điểm.",
                    "Each channel used during the year (meetings, the web portal, social media, posters, contests…) earns 0.25 points."));

        var innovation = Rubric("f1.innovation",
                c.Revised ? "Sáng kiến, giải pháp mới, mô hình hay trong cải cách hành chính" : "Sáng kiến, giải pháp mới trong cải cách hành chính",
                c.Revised ? "Initiatives, new solutions and good models in administrative reform" : "Initiatives and new solutions in administrative reform",
                L(1, "Có sáng kiến, giải pháp được UBND Thành phố công nhận và nhân rộng", "An initiative recognised and replicated by the City"),
                L(0.5m, "Có sáng kiến, giải pháp được áp dụng hiệu quả tại " + c.UnitWordVi, "An initiative applied effectively in the unit"),
                L(0, "Không có sáng kiến, giải pháp", "No initiative"))
            .Basis(DemoLaw.CityScheme);

        var tasks = Ratio("f1.tasks", c.Ward ? 1.5m : 1,
                "Tỷ lệ nhiệm vụ về CCHC được UBND Thành phố giao hoàn thành đúng hạn",
                "Share of reform tasks assigned by the City People's Committee completed on time",
                Proportional, "Số nhiệm vụ hoàn thành đúng hạn", "Số nhiệm vụ được giao")
            .Na(NotApplicablePolicy.FullPoints)
            .Basis(DemoLaw.CityScheme)
            .Guide("Không được giao nhiệm vụ trong năm thì được điểm tối đa.", "A unit given no task gets full points.");

        var ranking = c.District
            ? Rubric3("f1.wards", 0.5m,
                "Tổ chức đánh giá, xếp hạng kết quả CCHC của UBND phường, xã, thị trấn và công bố kết quả",
                "Assessment, ranking and publication of the wards' reform results",
                "Thực hiện và công bố đúng thời hạn", "Done and published on time",
                "Thực hiện nhưng chậm hoặc không công bố", "Done late or not published",
                "Không thực hiện", "Not done")
                .Basis(DemoLaw.CityScheme)
            : null;

        var survey = Survey("f1.survey", c.Ward ? 2 : 1.5m,
                "Đánh giá của đại biểu, công chức về công tác chỉ đạo, điều hành CCHC (điều tra xã hội học)",
                "Leaders' and civil servants' assessment of reform direction (sociological survey)", "sociological.field1")
            .Basis(DemoLaw.Survey);

        // The 2024 revision moved inspection ahead of reporting.
        FrameworkNode[] middle = c.Revised ? [inspect, report] : [report, inspect];
        return Group("f1", c.Department ? 9 : 10, "Công tác chỉ đạo, điều hành cải cách hành chính", "Direction and management of administrative reform",
            [plan, .. middle, comms, innovation, tasks, ranking, survey]);
    }
}
