using ParIndex.Core.Frameworks;
using static ParIndex.Demo.Kit;

namespace ParIndex.Demo;

/// <summary>Field 3: Cải cách thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông.</summary>
internal static class DemoFieldProcedures
{
    public static FrameworkNode Build(DemoFieldContext c) => c.Profile switch
    {
        DemoProfile.Department => Group("f3", 15, Title, TitleEn,
            Control(c, 2.5m), Publication(c, 2.5m), OneStop(c, 2.5m), Dossiers(c, 6), Petitions(c), Survey(c)),
        DemoProfile.District => Group("f3", 15, Title, TitleEn,
            Control(c, 2), Publication(c, 2), OneStop(c, 2.5m), Dossiers(c, 7), Petitions(c), Survey(c)),
        _ => Group("f3", 16, Title, TitleEn,
            Publication(c, 2), OneStop(c, 3), Dossiers(c, 9.5m), Petitions(c), Survey(c)),
    };

    private const string Title = "Cải cách thủ tục hành chính";
    private const string TitleEn = "Reform of administrative procedures";

    private static string OneStopLaw(DemoFieldContext c) => c.PostReform ? DemoLaw.OneStop2025 : DemoLaw.OneStop;

    private static FrameworkNode Control(DemoFieldContext c, decimal max) =>
        Group("f3.control", max, "Kiểm soát, rà soát, đơn giản hóa thủ tục hành chính", "Control, review and simplification of procedures",
            Rubric3("f3.control.plan", 0.5m, "Ban hành kế hoạch rà soát, đánh giá quy định, thủ tục hành chính",
                    "Plan for reviewing regulations and procedures issued",
                    "Ban hành đúng thời hạn, đầy đủ nội dung", "Issued on time and complete",
                    "Ban hành chậm hoặc thiếu nội dung", "Issued late or incomplete",
                    "Không ban hành", "Not issued")
                .Basis(DemoLaw.ProcedureControl),
            Ratio("f3.control.completion", 1, "Mức độ hoàn thành kế hoạch rà soát, đánh giá thủ tục hành chính",
                    "Completion of the procedure review plan", PlanScale(1), "Số TTHC đã rà soát", "Số TTHC phải rà soát theo kế hoạch")
                .Basis(DemoLaw.ProcedureControl),
            Ratio("f3.control.simplify", max - 1.5m,
                    c.Department ? "Tỷ lệ phương án đơn giản hóa TTHC được UBND Thành phố thông qua"
                        : "Tỷ lệ phương án đơn giản hóa TTHC được cấp có thẩm quyền ghi nhận",
                    "Share of simplification proposals adopted",
                    Proportional, "Số phương án được thông qua", "Số phương án đã đề xuất")
                .Na(NotApplicablePolicy.RemoveFromMaximum)
                .Basis(DemoLaw.ProcedureControl)
                .Guide("Không có phương án đơn giản hóa đề xuất trong năm thì tiêu chí không tính vào tổng điểm.",
                    "When the unit proposed no simplification this criterion leaves the maximum."));

    private static FrameworkNode Publication(DemoFieldContext c, decimal max)
    {
        var disclose = Rubric3("f3.publish.disclose", 1,
                c.Ward ? "Công khai đầy đủ, đúng quy định TTHC tại Trung tâm phục vụ hành chính công phường, xã và trên Cổng Dịch vụ công"
                    : "Công khai đầy đủ, đúng quy định TTHC tại Bộ phận Một cửa và trên Cổng Dịch vụ công",
                "Procedures fully disclosed at the one-stop shop and on the public service portal",
                "Đầy đủ, đúng quy định", "Complete and compliant",
                "Có TTHC công khai chưa đầy đủ hoặc chưa cập nhật", "Some procedures incomplete or out of date",
                "Không công khai hoặc công khai TTHC đã hết hiệu lực", "Not disclosed, or expired procedures shown")
            .Basis(DemoLaw.ProcedureControl);
        var results = Rubric3("f3.publish.results", 0.5m, "Công khai kết quả giải quyết hồ sơ TTHC hằng tháng",
                "Monthly publication of dossier handling results",
                "Công khai đủ 12 tháng", "Published every month",
                "Công khai không đầy đủ", "Some months missing",
                "Không công khai", "Not published")
            .Basis(c.Revised ? DemoLaw.ServiceIndex : OneStopLaw(c));
        return c.Profile switch
        {
            DemoProfile.Department => Group("f3.publish", max, "Công bố, công khai thủ tục hành chính", "Publication and disclosure of procedures",
                Ratio("f3.publish.decisions", 1, "Tỷ lệ quyết định công bố danh mục TTHC được tham mưu đúng thời hạn",
                        "Share of procedure-publication decisions prepared on time",
                        Brackets(B(100, null, 1), B(90, 100, 0.5m), B(null, 90, 0)), "Số quyết định trình đúng hạn", "Số quyết định công bố phải trình")
                    .Na(NotApplicablePolicy.FullPoints)
                    .Basis(DemoLaw.ProcedureControl),
                disclose, results),
            DemoProfile.District => Group("f3.publish", max, "Công khai thủ tục hành chính", "Disclosure of procedures",
                disclose, results,
                Rubric3("f3.publish.wards", 0.5m, "Kiểm tra việc công khai TTHC tại UBND phường, xã, thị trấn",
                        "Checking the wards' disclosure of procedures",
                        "Kiểm tra tất cả phường, xã, thị trấn", "Every ward checked",
                        "Kiểm tra một phần", "Some wards checked",
                        "Không kiểm tra", "Not checked")
                    .Basis(DemoLaw.ProcedureControl)),
            _ => Group("f3.publish", max, "Công khai thủ tục hành chính", "Disclosure of procedures",
                disclose, results,
                Rubric("f3.publish.hotline", "Niêm yết công khai địa chỉ, số điện thoại tiếp nhận phản ánh, kiến nghị",
                        "Address and hotline for feedback posted",
                        L(0.5m, "Niêm yết đầy đủ, đúng quy định", "Posted as required"),
                        L(0, "Không niêm yết hoặc niêm yết không đúng", "Missing or wrong"))
                    .Basis(DemoLaw.Petitions)),
        };
    }

    private static FrameworkNode OneStop(DemoFieldContext c, decimal max)
    {
        var org = Rubric3("f3.onestop.org", c.Department ? 1.5m : 1,
                c.Ward ? "Trung tâm phục vụ hành chính công phường, xã được bố trí, trang bị và vận hành đúng quy định"
                    : "Bộ phận Một cửa được bố trí, trang bị và vận hành đúng quy định",
                "One-stop shop staffed, equipped and run as required",
                "Đáp ứng đầy đủ yêu cầu", "Meets every requirement",
                "Còn thiếu về nhân sự hoặc trang thiết bị", "Short of staff or equipment",
                "Không đáp ứng yêu cầu", "Does not meet the requirements")
            .Basis(OneStopLaw(c));
        var interlink = Rubric3("f3.onestop.interlink", c.Department ? 1 : 0.5m,
                c.Department ? "Thực hiện TTHC theo cơ chế một cửa liên thông với các cơ quan có liên quan"
                    : "Thực hiện liên thông TTHC (đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi…)",
                "Linked procedures handled across agencies",
                "Thực hiện đầy đủ, đúng quy trình", "Fully, as designed",
                "Thực hiện chưa đầy đủ", "Partly",
                "Không thực hiện", "Not done")
            .Na(NotApplicablePolicy.RemoveFromMaximum)
            .Basis(OneStopLaw(c));
        if (c.Department)
            return Group("f3.onestop", max, "Thực hiện cơ chế một cửa, một cửa liên thông", "The one-stop mechanism", org, interlink);
        var scope = Ratio("f3.onestop.scope", 1,
                "Tỷ lệ TTHC thuộc thẩm quyền được tiếp nhận, trả kết quả tại " + (c.Ward ? "Trung tâm phục vụ hành chính công" : "Bộ phận Một cửa"),
                "Share of the unit's procedures received and returned at the one-stop shop",
                Brackets(B(100, null, 1), B(95, 100, 0.5m), B(null, 95, 0)), "Số TTHC thực hiện tại Bộ phận Một cửa", "Số TTHC thuộc thẩm quyền")
            .Basis(OneStopLaw(c));
        return c.District
            ? Group("f3.onestop", max, "Thực hiện cơ chế một cửa, một cửa liên thông", "The one-stop mechanism", scope, org, interlink)
            : Group("f3.onestop", max, "Thực hiện cơ chế một cửa, một cửa liên thông", "The one-stop mechanism", scope, org, interlink,
                Rubric("f3.onestop.anywhere", "Tiếp nhận hồ sơ TTHC không phụ thuộc vào địa giới hành chính", "Dossiers accepted regardless of residence",
                        L(0.5m, "Thực hiện đối với tất cả TTHC thuộc danh mục", "For every listed procedure"),
                        L(0.25m, "Thực hiện đối với một phần danh mục", "For part of the list"),
                        L(0, "Chưa thực hiện", "Not yet"))
                    .Na(NotApplicablePolicy.RemoveFromMaximum)
                    .Basis(DemoLaw.OneStop2025));
    }

    private static FrameworkNode Dossiers(DemoFieldContext c, decimal max)
    {
        var onTimeMax = c.Ward ? 4 : c.Revised ? 2.5m : 3;
        var onTime = Metric("f3.dossier.ontime", onTimeMax, "Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn", "Share of dossiers handled on time",
                "dossiers.on_time_rate",
                Brackets(B(98, null, onTimeMax), B(95, 98, onTimeMax / 2), B(90, 95, Math.Floor(onTimeMax) / 4), B(null, 90, 0)))
            .Basis(DemoLaw.ServiceIndex)
            .Guide("Số liệu từ Hệ thống thông tin giải quyết TTHC của Thành phố; hồ sơ yêu cầu bổ sung quá một lần tính là trễ hạn.",
                "Computed from the City's dossier system; a dossier asked for a supplement more than once counts as late.");
        var late = c.Revised
            ? Metric("f3.dossier.late", 0.5m, "Tỷ lệ hồ sơ TTHC giải quyết trễ hạn", "Share of dossiers handled late", "dossiers.late_rate",
                    Brackets(B(null, 1, 0.5m), B(1, 3, 0.25m), B(3, null, 0)))
                .Basis(DemoLaw.ServiceIndex)
            : null;
        var apology = Metric("f3.dossier.apology", 1, "Tỷ lệ hồ sơ trễ hạn có văn bản xin lỗi và hẹn lại ngày trả kết quả",
                "Share of late dossiers with a written apology and a new appointment", "dossiers.apology_rate", Proportional)
            .Na(NotApplicablePolicy.FullPoints)
            .Basis(OneStopLaw(c))
            .Guide("Không có hồ sơ trễ hạn trong năm thì được điểm tối đa.", "Full points when no dossier was late.");
        var days = Metric("f3.dossier.days", 1, "Thời gian giải quyết hồ sơ TTHC bình quân (ngày làm việc)",
            "Average handling time of dossiers (working days)", "dossiers.avg_processing_days",
            c.Profile switch
            {
                DemoProfile.Department => Brackets(B(null, 5, 1), B(5, 8, 0.5m), B(8, null, 0)),
                DemoProfile.District => Brackets(B(null, 3, 1), B(3, 5, 0.5m), B(5, null, 0)),
                _ => Brackets(B(null, 2, 1), B(2, 4, 0.5m), B(4, null, 0)),
            })
            .Basis(DemoLaw.ServiceIndex);
        decimal index766Max = c.Ward ? 2 : 1;
        var index766 = Metric("f3.dossier.index766", index766Max, "Chỉ số phục vụ người dân, doanh nghiệp theo thời gian thực (Bộ chỉ số 766)",
                "Real-time citizen and business service index (the 766 index)", "dossiers.score_766",
                Brackets(B(90, null, index766Max), B(80, 90, index766Max * 0.75m), B(70, 80, index766Max / 2), B(50, 70, index766Max / 4), B(null, 50, 0)))
            .Basis(DemoLaw.ServiceIndex)
            .Guide("Điểm bình quân năm của đơn vị trên Cổng Dịch vụ công quốc gia (thang 100 điểm).",
                "The unit's yearly average on the national public service portal (out of 100).");
        var wards = c.District
            ? Ratio("f3.dossier.wards", 1, "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn của UBND phường, xã, thị trấn",
                    "Share of the wards' dossiers handled on time",
                    Brackets(B(98, null, 1), B(95, 98, 0.5m), B(null, 95, 0)), "Số hồ sơ cấp xã giải quyết đúng hạn", "Tổng số hồ sơ cấp xã đã giải quyết")
                .Basis(DemoLaw.ServiceIndex)
            : null;
        var supplements = c.Ward
            ? Ratio("f3.dossier.supplements", 1, "Tỷ lệ hồ sơ bị yêu cầu bổ sung, hoàn thiện quá một lần",
                    "Share of dossiers asked for a supplement more than once",
                    Brackets(B(null, 1, 1), B(1, 3, 0.5m), B(3, null, 0)), "Số hồ sơ yêu cầu bổ sung quá một lần", "Tổng số hồ sơ đã tiếp nhận")
                .Basis(DemoLaw.OneStop2025)
            : null;
        return Group("f3.dossier", max, "Kết quả giải quyết thủ tục hành chính", "Results of dossier handling",
            onTime, late, apology, days, index766, wards, supplements);
    }

    private static FrameworkNode Petitions(DemoFieldContext c) =>
        Ratio("f3.petitions", 1, "Tỷ lệ phản ánh, kiến nghị về quy định hành chính được xử lý đúng thời hạn",
                "Share of feedback on administrative rules handled on time",
                Proportional, "Số phản ánh, kiến nghị xử lý đúng hạn", "Số phản ánh, kiến nghị tiếp nhận")
            .Na(NotApplicablePolicy.FullPoints)
            .Lead("VPUB")
            .Basis(DemoLaw.Petitions)
            .Guide("Không tiếp nhận phản ánh, kiến nghị trong năm thì được điểm tối đa.", "Full points when no feedback was received.");

    private static FrameworkNode Survey(DemoFieldContext c) =>
        Kit.Survey("f3.survey", 0.5m, "Đánh giá về cải cách thủ tục hành chính của " + c.UnitWordVi + " (điều tra xã hội học)",
                "Assessment of procedure reform (sociological survey)", "sociological.field3")
            .Basis(DemoLaw.Survey);
}
