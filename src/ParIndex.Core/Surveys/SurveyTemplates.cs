namespace ParIndex.Core.Surveys;

/// <summary>
/// The questionnaires ParIndex ships: SIPAS (after the national SIPAS form of the Ministry of Home Affairs: five
/// elements, each with perception, satisfaction and expectation questions), the sociological survey of leaders and
/// officials rating a unit on the framework's eight fields (A–E weighted), and the counter rating of Circular
/// 01/2018/TT-VPCP. A city adapts them by storing a new version.
/// </summary>
public static class SurveyTemplates
{
    public const string SipasCode = "SIPAS";
    public const string SociologicalCode = "XHH";
    public const string CounterCode = "QUAY";

    /// <summary>The counter rating's question code.</summary>
    public const string CounterQuestion = "Q1";

    public static IReadOnlyList<QuestionnaireDefinition> All => [Sipas(), Sociological(), Counter()];

    public static QuestionnaireDefinition? Find(string code) => All.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.OrdinalIgnoreCase));

    public static QuestionnaireDefinition Sipas() => new()
    {
        Code = SipasCode,
        Kind = QuestionnaireKind.Sipas,
        TitleVi = "Phiếu khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước",
        TitleEn = "Survey of citizen and business satisfaction with the service of state administrative agencies (SIPAS)",
        IntroVi = "Phiếu khảo sát không ghi tên và không yêu cầu thông tin cá nhân. Ý kiến của Ông/Bà chỉ được tổng hợp thống kê, giúp cơ quan nhà nước phục vụ tốt hơn. Xin Ông/Bà trả lời về lần giải quyết thủ tục hành chính gần nhất tại cơ quan ghi trên phiếu mời.",
        IntroEn = "The survey is anonymous and asks for no personal details. Your answers are only used in statistics that help public agencies serve you better. Please answer about your most recent administrative procedure at the agency named on your invitation.",
        Groups = [new("nguoi_dan", "Người dân", "Citizens"), new("to_chuc", "Tổ chức, doanh nghiệp", "Organisations and businesses")],
        Sections =
        [
            new()
            {
                Code = "chung", TitleVi = "Thông tin chung", TitleEn = "About your visit",
                IntroVi = "Các câu hỏi trong phần này không bắt buộc.", IntroEn = "The questions in this part are optional.",
                Questions =
                [
                    Choose("TT1", "Ông/Bà đã nộp hồ sơ bằng hình thức nào?", "How did you file your application?",
                        ("truc_tiep", "Trực tiếp tại Bộ phận Một cửa", "In person at the one-stop counter"),
                        ("truc_tuyen", "Trực tuyến qua Cổng dịch vụ công", "Online through the public service portal"),
                        ("buu_chinh", "Qua dịch vụ bưu chính công ích", "By post")),
                    Choose("TT2", "Ông/Bà đã đến cơ quan bao nhiêu lần để hoàn thành thủ tục?", "How many times did you go to the agency to complete the procedure?",
                        ("1", "1 lần", "Once"), ("2", "2 lần", "Twice"), ("3", "3 lần trở lên", "Three times or more")),
                ],
            },
            Element("A", SipasElements.Access, "Tiếp cận dịch vụ", "Access to the service",
                YesNo("A1", "Ông/Bà có dễ dàng tìm được thông tin về nơi tiếp nhận hồ sơ và thủ tục cần thực hiện không?",
                    "Was it easy to find out where to file and what the procedure requires?", SipasElements.Access),
                Scale("A2", "Ông/Bà hài lòng thế nào về nơi ngồi chờ và trang thiết bị phục vụ tại Bộ phận Một cửa?",
                    "How satisfied are you with the waiting area and the equipment at the one-stop counter?", SipasElements.Access),
                Scale("A3", "Ông/Bà hài lòng thế nào về sự thuận tiện khi tiếp cận dịch vụ (giờ làm việc, đường đi, dịch vụ công trực tuyến)?",
                    "How satisfied are you with how convenient it was to reach the service (opening hours, location, online services)?", SipasElements.Access),
                Expect("A4", "Ông/Bà mong muốn cơ quan cải thiện điều gì về tiếp cận dịch vụ?", "What should the agency improve about access?", SipasElements.Access,
                    ("cho_ngoi", "Thêm chỗ ngồi chờ, nước uống, nhà vệ sinh", "More seats, drinking water, toilets"),
                    ("thiet_bi", "Trang thiết bị hiện đại hơn (máy lấy số, máy tra cứu)", "Better equipment (queue ticket, look-up kiosks)"),
                    ("huong_dan", "Biển chỉ dẫn, hướng dẫn rõ ràng hơn", "Clearer signs and guidance"),
                    ("truc_tuyen", "Mở rộng dịch vụ công trực tuyến", "More online services"))),
            Element("B", SipasElements.Procedure, "Thủ tục hành chính", "The administrative procedure",
                YesNo("B1", "Thủ tục hành chính có được niêm yết công khai đầy đủ, chính xác không?",
                    "Was the procedure posted publicly, completely and accurately?", SipasElements.Procedure),
                Scale("B2", "Ông/Bà hài lòng thế nào về thành phần hồ sơ phải nộp?", "How satisfied are you with the documents you had to submit?", SipasElements.Procedure),
                Scale("B3", "Ông/Bà hài lòng thế nào về mức phí, lệ phí phải nộp?", "How satisfied are you with the fees and charges?", SipasElements.Procedure),
                Scale("B4", "Ông/Bà hài lòng thế nào về thời hạn giải quyết theo quy định?", "How satisfied are you with the prescribed processing time?", SipasElements.Procedure),
                Expect("B5", "Ông/Bà mong muốn cải thiện điều gì về thủ tục hành chính?", "What should be improved about the procedure?", SipasElements.Procedure,
                    ("giam_ho_so", "Giảm thành phần hồ sơ", "Fewer documents"),
                    ("rut_ngan", "Rút ngắn thời hạn giải quyết", "Shorter processing time"),
                    ("giam_phi", "Giảm phí, lệ phí", "Lower fees"),
                    ("don_gian", "Biểu mẫu đơn giản, dễ kê khai hơn", "Simpler forms"))),
            Element("C", SipasElements.CivilServant, "Công chức giải quyết công việc", "The civil servant",
                YesNo("C1", "Công chức có hướng dẫn kê khai hồ sơ một lần, đầy đủ, dễ hiểu không?",
                    "Did the civil servant explain what to file once, completely and clearly?", SipasElements.CivilServant),
                Scale("C2", "Ông/Bà hài lòng thế nào về thái độ giao tiếp của công chức?", "How satisfied are you with the civil servant's manner?", SipasElements.CivilServant),
                Scale("C3", "Ông/Bà hài lòng thế nào về sự tận tình, chu đáo của công chức khi hướng dẫn?", "How satisfied are you with how helpful and attentive the civil servant was?", SipasElements.CivilServant),
                Scale("C4", "Ông/Bà hài lòng thế nào về việc công chức tuân thủ quy định, không gây phiền hà, nhũng nhiễu?",
                    "How satisfied are you that the civil servant followed the rules without causing trouble or seeking favours?", SipasElements.CivilServant),
                Expect("C5", "Ông/Bà mong muốn công chức cải thiện điều gì?", "What should the civil servants improve?", SipasElements.CivilServant,
                    ("thai_do", "Thái độ lịch sự, thân thiện hơn", "A more courteous, friendly manner"),
                    ("nang_luc", "Nâng cao năng lực, hiểu biết chuyên môn", "Better knowledge and skills"),
                    ("huong_dan", "Hướng dẫn rõ ràng, một lần", "Clear guidance, given once"),
                    ("trach_nhiem", "Tinh thần trách nhiệm cao hơn", "More sense of responsibility"))),
            Element("D", SipasElements.Result, "Kết quả giải quyết", "The result",
                YesNo("D1", "Ông/Bà có nhận được kết quả đúng hẹn không?", "Did you receive the result on the promised date?", SipasElements.Result),
                Scale("D2", "Ông/Bà hài lòng thế nào về kết quả nhận được (đúng quy định, thông tin đầy đủ, chính xác)?",
                    "How satisfied are you with the result (lawful, complete and accurate)?", SipasElements.Result),
                Scale("D3", "Ông/Bà hài lòng thế nào về thời gian nhận được kết quả?", "How satisfied are you with the time it took to receive the result?", SipasElements.Result),
                Expect("D4", "Ông/Bà mong muốn cải thiện điều gì về kết quả giải quyết?", "What should be improved about the result?", SipasElements.Result,
                    ("dung_hen", "Trả kết quả đúng hẹn hoặc sớm hơn", "Results on time or earlier"),
                    ("tai_nha", "Trả kết quả tại nhà qua bưu chính", "Results delivered by post"),
                    ("chinh_xac", "Kết quả chính xác, không phải sửa lại", "Accurate results that need no correction"))),
            Element("E", SipasElements.Feedback, "Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị", "Handling of feedback and petitions",
                YesNo("E1", "Ông/Bà có biết nơi, cách thức gửi góp ý, phản ánh, kiến nghị không?",
                    "Do you know where and how to send comments and complaints?", SipasElements.Feedback),
                Scale("E2", "Ông/Bà hài lòng thế nào về các hình thức tiếp nhận góp ý, phản ánh, kiến nghị (hộp thư, đường dây nóng, trực tuyến)?",
                    "How satisfied are you with the ways to send comments and complaints (box, hotline, online)?", SipasElements.Feedback),
                Scale("E3", "Ông/Bà hài lòng thế nào về việc cơ quan tiếp nhận, xử lý và phản hồi góp ý, phản ánh, kiến nghị?",
                    "How satisfied are you with how the agency received, handled and answered comments and complaints?", SipasElements.Feedback),
                Expect("E4", "Ông/Bà mong muốn cải thiện điều gì về tiếp nhận, xử lý góp ý?", "What should be improved about handling feedback?", SipasElements.Feedback,
                    ("phan_hoi", "Phản hồi nhanh hơn", "Faster answers"),
                    ("cong_khai", "Công khai kết quả xử lý", "Publish how feedback was handled"),
                    ("nhieu_kenh", "Thêm kênh tiếp nhận (Zalo, ứng dụng di động)", "More channels (Zalo, mobile app)"))),
            new()
            {
                Code = "khac", TitleVi = "Đánh giá chung và góp ý", TitleEn = "Overall and suggestions",
                Questions =
                [
                    new() { Code = "G1", Kind = QuestionKind.Scale5, Aspect = QuestionAspect.Satisfaction, Indexed = false,
                        TextVi = "Nhìn chung, Ông/Bà hài lòng thế nào về sự phục vụ của cơ quan?", TextEn = "Overall, how satisfied are you with the agency's service?" },
                    new() { Code = "G2", Kind = QuestionKind.Text, Aspect = QuestionAspect.Expectation, MaxLength = 1000,
                        TextVi = "Ông/Bà có góp ý gì thêm để cơ quan phục vụ tốt hơn?", TextEn = "Any other suggestion for the agency to serve you better?",
                        HintVi = "Không ghi họ tên, số điện thoại hay thông tin cá nhân.", HintEn = "Do not write your name, phone number or other personal details." },
                ],
            },
        ],
    };

    public static QuestionnaireDefinition Sociological()
    {
        (int Field, string Code, string Vi, string En)[] items =
        [
            (1, "L1", "Công tác chỉ đạo, điều hành cải cách hành chính của đơn vị", "The unit's direction of administrative reform"),
            (2, "L2", "Chất lượng văn bản do đơn vị tham mưu, ban hành", "The quality of the legal documents the unit drafts or issues"),
            (3, "L3a", "Việc công khai, minh bạch thủ tục hành chính", "Transparency of administrative procedures"),
            (3, "L3b", "Kết quả giải quyết thủ tục hành chính tại Bộ phận Một cửa", "Results of procedures handled at the one-stop counter"),
            (4, "L4", "Việc sắp xếp, tinh gọn tổ chức bộ máy", "Streamlining of the organisation"),
            (5, "L5a", "Năng lực, tinh thần trách nhiệm của đội ngũ cán bộ, công chức", "Competence and responsibility of the unit's staff"),
            (5, "L5b", "Việc chấp hành kỷ luật, kỷ cương hành chính", "Observance of administrative discipline"),
            (6, "L6", "Việc quản lý, sử dụng tài chính công, tài sản công", "Management of public finance and assets"),
            (7, "L7", "Việc ứng dụng công nghệ thông tin, chuyển đổi số trong hoạt động của đơn vị", "Use of IT and digital transformation"),
            (8, "L8", "Tác động của cải cách hành chính đến phát triển kinh tế – xã hội", "Impact of reform on socio-economic development"),
        ];
        return new()
        {
            Code = SociologicalCode,
            Kind = QuestionnaireKind.Sociological,
            TitleVi = "Phiếu điều tra xã hội học đánh giá kết quả cải cách hành chính (lãnh đạo, cán bộ, công chức, đại biểu)",
            TitleEn = "Sociological survey on administrative reform results (leaders, officials, deputies)",
            IntroVi = "Xin Ông/Bà đánh giá đơn vị ghi trên phiếu theo từng nội dung: A – Tốt, B – Khá, C – Trung bình, D – Kém, E – Không trả lời được. Phiếu không ghi tên.",
            IntroEn = "Please rate the unit named on the form on each item: A good, B fairly good, C average, D poor, E cannot answer. The form is anonymous.",
            Groups = [new("lanh_dao", "Lãnh đạo sở, ngành, địa phương", "Leaders"), new("cong_chuc", "Cán bộ, công chức", "Civil servants"), new("dai_bieu", "Đại biểu HĐND", "People's Council deputies")],
            Sections = items.GroupBy(i => i.Field).Select(g => new Section
            {
                Code = $"lv{g.Key}",
                TitleVi = $"Lĩnh vực {g.Key}",
                TitleEn = $"Field {g.Key}",
                Questions = g.Select(i => new Question
                {
                    Code = i.Code, Kind = QuestionKind.Weighted, Field = i.Field, Required = true, Aspect = QuestionAspect.Perception,
                    TextVi = i.Vi, TextEn = i.En,
                }).ToList(),
            }).ToList(),
        };
    }

    public static QuestionnaireDefinition Counter() => new()
    {
        Code = CounterCode,
        Kind = QuestionnaireKind.CounterRating,
        TitleVi = "Đánh giá mức độ hài lòng tại quầy tiếp nhận và trả kết quả",
        TitleEn = "Rating at the reception and result counter",
        Groups = [new("nguoi_dan", "Người dân, tổ chức", "Citizens and organisations")],
        Sections =
        [
            new()
            {
                Code = "quay", TitleVi = "Đánh giá", TitleEn = "Rating",
                Questions =
                [
                    new() { Code = CounterQuestion, Kind = QuestionKind.SingleChoice, Required = true, Indexed = true, Choices = StandardChoices.Counter,
                        TextVi = "Ông/Bà đánh giá thế nào về sự phục vụ của công chức?", TextEn = "How do you rate the civil servant's service?" },
                ],
            },
        ],
    };

    private static Section Element(string code, string element, string vi, string en, params Question[] questions) => new()
    {
        Code = code, TitleVi = $"Yếu tố: {vi}", TitleEn = $"Element: {en}", Questions = questions,
    };

    private static Question Scale(string code, string vi, string en, string element) => new()
    {
        Code = code, Kind = QuestionKind.Scale5, Aspect = QuestionAspect.Satisfaction, Element = element, Required = true, TextVi = vi, TextEn = en,
    };

    private static Question YesNo(string code, string vi, string en, string element) => new()
    {
        Code = code, Kind = QuestionKind.YesNo, Aspect = QuestionAspect.Perception, Element = element, Required = true, TextVi = vi, TextEn = en,
    };

    private static Question Expect(string code, string vi, string en, string element, params (string Code, string Vi, string En)[] choices) => new()
    {
        Code = code, Kind = QuestionKind.MultipleChoice, Aspect = QuestionAspect.Expectation, Element = element, TextVi = vi, TextEn = en,
        HintVi = "Có thể chọn nhiều phương án.", HintEn = "You may choose several.",
        Choices = [.. choices.Select(c => new Choice { Code = c.Code, TextVi = c.Vi, TextEn = c.En })],
    };

    private static Question Choose(string code, string vi, string en, params (string Code, string Vi, string En)[] choices) => new()
    {
        Code = code, Kind = QuestionKind.SingleChoice, Aspect = QuestionAspect.Background, TextVi = vi, TextEn = en,
        Choices = [.. choices.Select(c => new Choice { Code = c.Code, TextVi = c.Vi, TextEn = c.En })],
    };
}
