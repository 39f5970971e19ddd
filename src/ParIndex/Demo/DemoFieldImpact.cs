using ParIndex.Core.Frameworks;
using static ParIndex.Demo.Kit;

namespace ParIndex.Demo;

/// <summary>
/// Field 8: Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế – xã hội;
/// and the bonus and penalty nodes that sit beside the fields (Hanoi style).
/// </summary>
internal static class DemoFieldImpact
{
    public static FrameworkNode Build(DemoFieldContext c)
    {
        var elementMax = c.Ward ? 1.5m : 2;
        var sipas = Group("f8.sipas", 10, "Sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính (SIPAS)",
            "Citizen and business satisfaction with administrative services (SIPAS)",
            SipasElement("access", elementMax, "Tiếp cận dịch vụ hành chính công", "Access to the service"),
            SipasElement("procedure", elementMax, "Thủ tục hành chính", "The administrative procedure"),
            SipasElement("civil_servant", elementMax, "Sự phục vụ của công chức", "The civil servant's service"),
            SipasElement("result", elementMax, "Kết quả giải quyết thủ tục hành chính", "The result"),
            SipasElement("feedback", elementMax, "Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị", "Handling of comments and complaints"),
            c.Ward
                ? Survey("f8.sipas.overall", 2.5m, "Mức độ hài lòng chung về sự phục vụ hành chính", "Overall satisfaction", "sipas.overall")
                    .Basis(DemoLaw.Sipas)
                : null);

        var counter = Survey("f8.counter", 2,
                c.Ward ? "Tỷ lệ đánh giá hài lòng qua thiết bị đánh giá tại Trung tâm phục vụ hành chính công phường, xã"
                    : "Tỷ lệ đánh giá hài lòng qua thiết bị, phần mềm đánh giá tại Bộ phận Một cửa",
                "Share of satisfied ratings on the one-stop counter devices", "counter.satisfied_share")
            .Basis(DemoLaw.CounterRating);

        var opinion = Group("f8.opinion", 10, "Đánh giá của đại biểu, cán bộ, công chức về tác động của cải cách hành chính (điều tra xã hội học)",
            "Assessment of the impact of reform by deputies, leaders and civil servants (sociological survey)",
            Survey("f8.opinion.impact", 5,
                    c.Department ? "Tác động của CCHC đến chất lượng quản lý nhà nước trong ngành, lĩnh vực"
                        : "Tác động của CCHC đến chất lượng quản lý nhà nước trên địa bàn",
                    "Impact of reform on the quality of public management", "sociological.field8")
                .Basis(DemoLaw.Survey),
            Survey("f8.opinion.overall", 5, "Đánh giá chung về kết quả cải cách hành chính của " + c.UnitWordVi,
                    "Overall assessment of the unit's reform results", "sociological.overall")
                .Basis(DemoLaw.Survey));

        var targets = Ratio("f8.development.targets", 3,
                c.Department ? "Mức độ hoàn thành các chỉ tiêu phát triển kinh tế – xã hội của ngành, lĩnh vực được UBND Thành phố giao"
                    : c.District ? "Mức độ hoàn thành các chỉ tiêu kinh tế – xã hội chủ yếu do HĐND quận, huyện đề ra"
                    : "Mức độ hoàn thành các chỉ tiêu kinh tế – xã hội chủ yếu năm của phường, xã",
                "Completion of the main socio-economic targets",
                Brackets(B(100, null, 3), B(90, 100, 2), B(80, 90, 1), B(null, 80, 0)), "Số chỉ tiêu đạt và vượt", "Tổng số chỉ tiêu được giao")
            .Lead(c.PlanningAgency)
            .Basis(DemoLaw.Programme);
        var complaints = Ratio("f8.development.complaints", 1.5m, "Tỷ lệ vụ việc khiếu nại, tố cáo thuộc thẩm quyền được giải quyết",
                "Share of complaints and denunciations within the unit's remit resolved",
                Proportional, "Số vụ việc đã giải quyết", "Số vụ việc thuộc thẩm quyền")
            .Na(NotApplicablePolicy.FullPoints)
            .Lead("TTTP")
            .Basis(DemoLaw.Complaints);
        var poverty = Ratio("f8.development.poverty", c.District ? 2 : 1.5m, "Tỷ lệ hộ nghèo, hộ cận nghèo theo chuẩn Thành phố thoát nghèo so với kế hoạch",
                "Poor and near-poor households lifted out of poverty against the plan",
                Proportional, "Số hộ thoát nghèo, thoát cận nghèo", "Số hộ phải thoát nghèo theo kế hoạch")
            .Na(NotApplicablePolicy.FullPoints)
            .Lead(c.PostReform ? "SYT" : "SLDTBXH")
            .Guide("Địa bàn không còn hộ nghèo, hộ cận nghèo theo chuẩn Thành phố thì được điểm tối đa.",
                "Full points where no household remains poor or near-poor by the City's standard.");
        var order = Rubric3("f8.development.order", 1.5m, "Bảo đảm trật tự đô thị, trật tự xây dựng trên địa bàn", "Urban and construction order",
            "Không phát sinh công trình vi phạm mới không được xử lý", "No new violation left unhandled",
            "Có vi phạm nhưng được xử lý kịp thời", "Violations handled promptly",
            "Có vi phạm kéo dài không được xử lý", "Violations left unhandled")
            .Lead("SXD");

        var development = c.Profile switch
        {
            DemoProfile.Department => Group("f8.development", 8, "Tác động đến phát triển ngành, lĩnh vực", "Impact on the sector's development",
                targets,
                Manual("f8.development.business", 2, "Tác động của CCHC đến môi trường đầu tư, kinh doanh trong ngành, lĩnh vực quản lý",
                        "Impact of reform on the business environment in the sector", step: 0.25m)
                    .Guide("Căn cứ kết quả cải thiện các chỉ số thành phần PCI liên quan và số quy định kinh doanh được cắt giảm, đơn giản hóa.",
                        "Based on improvements in the related PCI sub-indices and the business rules cut or simplified."),
                Ratio("f8.development.early", 1.5m, "Tỷ lệ hồ sơ TTHC được giải quyết trước hạn", "Share of dossiers handled ahead of the deadline",
                        Brackets(B(50, null, 1.5m), B(30, 50, 1), B(10, 30, 0.5m), B(null, 10, 0)), "Số hồ sơ giải quyết trước hạn", "Tổng số hồ sơ đã giải quyết")
                    .Lead("VPUB")
                    .Basis(DemoLaw.ServiceIndex),
                complaints),
            DemoProfile.District => Group("f8.development", 10, "Tác động đến phát triển kinh tế – xã hội trên địa bàn", "Impact on local socio-economic development",
                targets,
                Ratio("f8.development.firms", 2, "Số doanh nghiệp, hộ kinh doanh thành lập mới so với kế hoạch",
                        "New businesses and household businesses against the plan",
                        Brackets(B(100, null, 2), B(80, 100, 1), B(null, 80, 0)), "Số doanh nghiệp, hộ kinh doanh thành lập mới", "Chỉ tiêu kế hoạch")
                    .Lead(c.PlanningAgency),
                poverty, order, complaints),
            _ => Group("f8.development", 10, "Tác động đến phát triển kinh tế – xã hội trên địa bàn", "Impact on local socio-economic development",
                targets,
                Ratio("f8.development.households", 1.5m, "Số hộ kinh doanh đăng ký mới so với kế hoạch", "New household businesses against the plan",
                        Brackets(B(100, null, 1.5m), B(80, 100, 0.75m), B(null, 80, 0)), "Số hộ kinh doanh đăng ký mới", "Chỉ tiêu kế hoạch")
                    .Lead(c.PlanningAgency),
                poverty, order, complaints,
                Manual("f8.development.security", 1, "Bảo đảm an ninh chính trị, trật tự an toàn xã hội trên địa bàn",
                        "Security and public order in the ward", step: 0.25m)),
        };

        return Group("f8", c.Department ? 30 : 32, "Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế – xã hội",
            "Impact of administrative reform on citizens, organisations and socio-economic development",
            sipas, counter, opinion, development);
    }

    public static FrameworkNode Bonus(DemoFieldContext c) => new()
    {
        Code = "bonus",
        Kind = NodeKind.Bonus,
        TitleVi = "Điểm thưởng",
        TitleEn = "Bonus points",
        MaxPoints = 3,
        Method = new ManualMethod { Step = 0.25m },
        EvidenceRequired = true,
        LegalBasis = DemoLaw.CityScheme,
        GuidanceVi = "Cộng điểm khi: có sáng kiến, giải pháp CCHC được Bộ, ngành Trung ương hoặc UBND Thành phố công nhận (1 điểm/sáng kiến); "
            + "được Thủ tướng Chính phủ, Bộ Nội vụ hoặc UBND Thành phố khen thưởng về CCHC (1 điểm); có mô hình được nhân rộng trên toàn Thành phố (0,5 điểm). "
            + "Tổng điểm thưởng không quá 3 điểm.",
        GuidanceEn = "Added for: a reform initiative recognised by a ministry or the City (1 point each); a reform award from the Prime Minister, the Ministry "
            + "of Home Affairs or the City (1 point); a model replicated city-wide (0.5 points). At most 3 points in total.",
    };

    public static FrameworkNode Penalty(DemoFieldContext c) => new()
    {
        Code = "penalty",
        Kind = NodeKind.Penalty,
        TitleVi = "Điểm trừ",
        TitleEn = "Penalty points",
        MaxPoints = 5,
        Method = new ManualMethod { Step = 0.25m },
        EvidenceRequired = false,
        LegalBasis = DemoLaw.CityScheme,
        GuidanceVi = "Trừ điểm khi: cán bộ, công chức bị xử lý kỷ luật liên quan đến giải quyết TTHC (1 điểm/trường hợp); bị UBND Thành phố phê bình "
            + "bằng văn bản về CCHC (0,5 điểm/lần); để xảy ra khiếu nại đông người, vượt cấp do giải quyết TTHC không đúng quy định (1 điểm/vụ việc); "
            + "báo cáo số liệu CCHC không trung thực (2 điểm). Tổng điểm trừ không quá 5 điểm.",
        GuidanceEn = "Subtracted for: a civil servant disciplined over dossier handling (1 point each); a written reprimand from the City about reform "
            + "(0.5 points each); mass or over-level complaints caused by mishandled procedures (1 point each); untruthful reform figures (2 points). "
            + "At most 5 points in total.",
    };

    private static FrameworkNode SipasElement(string element, decimal max, string vi, string en) =>
        Survey($"f8.sipas.{element}", max, vi, en, $"sipas.{element}").Basis(DemoLaw.Sipas);
}
