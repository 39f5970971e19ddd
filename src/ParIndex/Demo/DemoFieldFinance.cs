using ParIndex.Core.Frameworks;
using static ParIndex.Demo.Kit;

namespace ParIndex.Demo;

/// <summary>Field 6: Cải cách tài chính công.</summary>
internal static class DemoFieldFinance
{
    private const string Title = "Cải cách tài chính công";
    private const string TitleEn = "Public finance reform";

    public static FrameworkNode Build(DemoFieldContext c) => c.Profile switch
    {
        DemoProfile.Department => Group("f6", 7, Title, TitleEn,
            Group("f6.budget", 3, "Quản lý, sử dụng ngân sách nhà nước", "Budget management",
                Disbursement(c).Na(NotApplicablePolicy.RemoveFromMaximum)
                    .Guide("Cơ quan không được giao kế hoạch vốn đầu tư công thì tiêu chí không tính vào tổng điểm.",
                        "Units given no public investment capital have this criterion removed from their maximum."),
                Disclosure(c), Audit(c, 1)),
            Group("f6.autonomy", 2, "Thực hiện cơ chế tự chủ tài chính", "Financial autonomy",
                InternalRules(c), AutonomousUnits(c)),
            Thrift(c, 1),
            Survey(c)),
        DemoProfile.District => Group("f6", 8, Title, TitleEn,
            Group("f6.budget", 4, "Quản lý, sử dụng ngân sách nhà nước", "Budget management",
                Revenue(c), Disbursement(c), Disclosure(c), Audit(c, 0.5m)),
            Group("f6.autonomy", 2, "Thực hiện cơ chế tự chủ tài chính", "Financial autonomy",
                InternalRules(c), AutonomousUnits(c)),
            Thrift(c, 1),
            Survey(c)),
        _ => Group("f6", 7, Title, TitleEn,
            Group("f6.budget", 3.5m, "Quản lý, sử dụng ngân sách nhà nước", "Budget management",
                Revenue(c), Disclosure(c),
                Rubric3("f6.budget.handover", 1, "Bàn giao, tiếp nhận tài chính, ngân sách, tài sản, hồ sơ khi sắp xếp đơn vị hành chính",
                        "Finances, assets and records handed over in the reorganisation",
                        "Hoàn thành đúng thời hạn, đầy đủ hồ sơ", "Completed on time with full records",
                        "Hoàn thành chậm hoặc thiếu hồ sơ", "Late or records missing",
                        "Chưa hoàn thành", "Not completed")
                    .Basis(DemoLaw.WardArrangement),
                Audit(c, 0.5m)),
            Group("f6.assets", 1.5m, "Quản lý tài sản công", "Public assets",
                InternalRules(c),
                Rubric3("f6.assets.premises", 1, "Quản lý, sử dụng, xử lý trụ sở, tài sản công dôi dư sau sắp xếp",
                        "Surplus offices and assets after the reorganisation managed as required",
                        "Có phương án và thực hiện đúng quy định", "A plan, carried out as required",
                        "Có phương án nhưng chậm thực hiện", "A plan, carried out late",
                        "Chưa có phương án", "No plan")
                    .Na(NotApplicablePolicy.FullPoints)
                    .Basis(DemoLaw.PublicAssets)),
            Group("f6.thrift", 1, "Thực hành tiết kiệm, chống lãng phí", "Thrift and waste prevention",
                Thrift(c, 0.5m),
                Rubric3("f6.thrift.funds", 0.5m, "Công khai tài chính đối với các quỹ, khoản đóng góp của nhân dân",
                        "Disclosure of funds and contributions raised from residents",
                        "Công khai đầy đủ", "Fully disclosed", "Công khai chưa đầy đủ", "Partly disclosed", "Không công khai", "Not disclosed")
                    .Na(NotApplicablePolicy.FullPoints)
                    .Basis(DemoLaw.Budget)),
            Survey(c)),
    };

    private static FrameworkNode Disbursement(DemoFieldContext c) =>
        Ratio("f6.budget.disbursement", 1.5m, "Tỷ lệ giải ngân kế hoạch vốn đầu tư công được giao", "Share of the public investment plan disbursed",
                Brackets(B(95, null, 1.5m), B(80, 95, 1), B(60, 80, 0.5m), B(null, 60, 0)),
                "Số vốn đã giải ngân (triệu đồng)", "Kế hoạch vốn được giao (triệu đồng)")
            .Lead(c.PlanningAgency)
            .Basis(DemoLaw.PublicInvestment);

    private static FrameworkNode Revenue(DemoFieldContext c) =>
        Ratio("f6.budget.revenue", 1.5m, "Tỷ lệ thu ngân sách nhà nước trên địa bàn so với dự toán được giao", "State budget revenue against the estimate",
                Brackets(B(100, null, 1.5m), B(95, 100, 1), B(90, 95, 0.5m), B(null, 90, 0)),
                "Số thu thực hiện (triệu đồng)", "Dự toán thu được giao (triệu đồng)")
            .Basis(DemoLaw.Budget);

    private static FrameworkNode Disclosure(DemoFieldContext c) =>
        Rubric3("f6.budget.disclosure", 0.5m, "Công khai dự toán, quyết toán ngân sách theo quy định", "Budget and accounts disclosed as required",
                "Đầy đủ, đúng thời hạn", "Complete and on time",
                "Chậm hoặc chưa đầy đủ", "Late or incomplete",
                "Không công khai", "Not disclosed")
            .Basis(DemoLaw.Budget);

    private static FrameworkNode Audit(DemoFieldContext c, decimal max) =>
        Ratio("f6.budget.audit", max, "Thực hiện kiến nghị của Kiểm toán nhà nước, thanh tra tài chính", "State Audit and inspection recommendations implemented",
                Proportional, "Số kiến nghị đã thực hiện", "Số kiến nghị phải thực hiện")
            .Na(NotApplicablePolicy.FullPoints)
            .Basis(DemoLaw.Budget)
            .Guide("Không có kiến nghị phải thực hiện trong năm thì được điểm tối đa.", "Full points when there was no recommendation to implement.");

    private static FrameworkNode InternalRules(DemoFieldContext c) =>
        Rubric3("f6.autonomy.rules", 0.5m, "Ban hành, thực hiện quy chế chi tiêu nội bộ, quy chế quản lý, sử dụng tài sản công",
                "Internal spending and asset rules issued and applied",
                "Ban hành, cập nhật và thực hiện đúng", "Issued, up to date and applied",
                "Ban hành nhưng chưa cập nhật theo quy định mới", "Issued but outdated",
                "Chưa ban hành", "Not issued")
            .Basis(DemoLaw.AdministrativeAutonomy);

    private static FrameworkNode AutonomousUnits(DemoFieldContext c) =>
        Ratio("f6.autonomy.units", 1.5m, "Tỷ lệ đơn vị sự nghiệp công lập trực thuộc tự bảo đảm chi thường xuyên trở lên",
                "Share of public service units covering their own recurrent spending",
                Brackets(B(30, null, 1.5m), B(15, 30, 0.75m), B(null, 15, 0)),
                "Số đơn vị tự bảo đảm chi thường xuyên trở lên", "Tổng số đơn vị sự nghiệp công lập trực thuộc")
            .Na(NotApplicablePolicy.RemoveFromMaximum)
            .Basis(DemoLaw.Autonomy)
            .Guide("Cơ quan không có đơn vị sự nghiệp công lập trực thuộc thì tiêu chí không tính vào tổng điểm.",
                "Units without public service units have this criterion removed from their maximum.");

    private static FrameworkNode Thrift(DemoFieldContext c, decimal max) =>
        Rubric3(c.Ward ? "f6.thrift.programme" : "f6.thrift", max,
                "Ban hành và thực hiện Chương trình thực hành tiết kiệm, chống lãng phí năm",
                "Annual thrift and waste-prevention programme issued and carried out",
                "Ban hành và thực hiện đầy đủ, có báo cáo kết quả", "Issued, carried out and reported",
                "Ban hành nhưng thực hiện, báo cáo chưa đầy đủ", "Issued, partly carried out",
                "Không ban hành", "Not issued")
            .Basis(DemoLaw.Thrift);

    private static FrameworkNode Survey(DemoFieldContext c) =>
        Kit.Survey("f6.survey", 1, "Đánh giá về quản lý tài chính công của " + c.UnitWordVi + " (điều tra xã hội học)",
                "Assessment of public finance management (sociological survey)", "sociological.field6")
            .Basis(DemoLaw.Survey);
}
