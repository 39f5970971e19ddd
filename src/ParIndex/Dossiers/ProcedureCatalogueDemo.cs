using ParIndex.Core.Calendar;

namespace ParIndex.Dossiers;

/// <summary>
/// A realistic procedure catalogue for the demo city after the July 2025 reform (two levels of local government:
/// the city and its wards/communes). Names follow the national catalogue's wording; codes have the national
/// database's shape ("1.001193") but are demo codes, not the real ones.
/// </summary>
/// <remarks>
/// Processing times come from the governing texts where we know them, cited beside each group: the Law on Civil
/// Status 2014 (arts. 16, 18, 28, 38; "ngay trong ngày", after 15:00 the next working day), Decree 123/2015/NĐ-CP
/// (marital status: 3 working days), Decree 23/2015/NĐ-CP art. 7 (certified copies: the same day, after 15:00 the
/// next working day; contracts: 2 working days), the Law on Judicial Records 2009 art. 48 (10 days), the Construction
/// Law 2014 art. 102 (15 days for detached houses, 20 for other works), the Law on Enterprises 2020 art. 26 (3 working
/// days), the Investment Law 2020 art. 38 (15 days), Decree 99/2022/NĐ-CP (registration of security interests: the same
/// day), the Labour Code 2019 art. 119 (labour regulations: 7 working days), the Law on Employment 2013 art. 46
/// (unemployment benefit: 20 working days), the Law on Complaints 2011 art. 28 (30 days) and Decree 105/2017/NĐ-CP
/// (alcohol retail licence: 10 working days). Others are typical figures of published city catalogues and are marked
/// "demo". Periods the law states in days ("15 ngày") are calendar days; "ngày làm việc" are working days.
/// Online levels follow the usual shares: about half end-to-end, a third partial, the rest counter-only.
/// </remarks>
public static class ProcedureCatalogueDemo
{
    private const DeadlineUnit WD = DeadlineUnit.WorkingDays;
    private const DeadlineUnit CD = DeadlineUnit.CalendarDays;
    private const DeadlineUnit H = DeadlineUnit.Hours;
    private const ProcedureLevel City = ProcedureLevel.Province;
    private const ProcedureLevel Ward = ProcedureLevel.Commune;
    private const OnlineLevel Full = OnlineLevel.EndToEnd;
    private const OnlineLevel Part = OnlineLevel.Partial;
    private const OnlineLevel None = OnlineLevel.None;

    private const string HoTich = "Tư pháp – Hộ tịch";
    private const string ChungThuc = "Tư pháp – Chứng thực";
    private const string LyLich = "Tư pháp – Lý lịch tư pháp";
    private const string XayDung = "Xây dựng";
    private const string DatDai = "Đất đai";
    private const string DoanhNghiep = "Kế hoạch và Đầu tư – Đăng ký doanh nghiệp";
    private const string DauTu = "Kế hoạch và Đầu tư – Đầu tư";
    private const string HoKinhDoanh = "Kế hoạch và Đầu tư – Hộ kinh doanh";
    private const string LaoDong = "Lao động – Việc làm";
    private const string BaoTro = "Bảo trợ xã hội";
    private const string NguoiCoCong = "Người có công";
    private const string GiaoDuc = "Giáo dục và Đào tạo";
    private const string YTe = "Y tế";
    private const string Duoc = "Y tế – Dược";
    private const string GiaoThong = "Giao thông vận tải";
    private const string CongThuong = "Công Thương";
    private const string VanHoa = "Văn hóa, Thể thao và Du lịch";
    private const string MoiTruong = "Tài nguyên và Môi trường";
    private const string NoiVu = "Nội vụ";
    private const string KhieuNai = "Thanh tra – Giải quyết khiếu nại, tố cáo";

    private static readonly IReadOnlyList<Procedure> Catalogue =
    [
        // Civil status (Law on Civil Status 2014; Decree 123/2015): at the ward, the same day, after 15:00 the next working day.
        P("1.001193", "Đăng ký khai sinh", "Birth registration", HoTich, Ward, 0, WD, cutOff: true, fee: false, Full),
        P("1.001022", "Đăng ký kết hôn", "Marriage registration", HoTich, Ward, 0, WD, cutOff: true, fee: false, Part),
        P("1.000656", "Đăng ký khai tử", "Death registration", HoTich, Ward, 0, WD, cutOff: true, fee: false, Full),
        P("1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", "Certificate of marital status", HoTich, Ward, 3, WD, cutOff: false, fee: true, Full),
        P("1.004859", "Đăng ký lại khai sinh", "Re-registration of a birth", HoTich, Ward, 5, WD, cutOff: false, fee: true, Part),
        P("1.004837", "Đăng ký nhận cha, mẹ, con", "Registration of parentage", HoTich, Ward, 3, WD, cutOff: false, fee: true, Part),
        P("1.004884", "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", "Change or correction of civil status records", HoTich, Ward, 3, WD, cutOff: false, fee: true, Full),
        P("1.001695", "Cấp bản sao trích lục hộ tịch", "Copy of a civil status extract", HoTich, Ward, 0, WD, cutOff: true, fee: true, Full),
        P("1.004746", "Đăng ký giám hộ", "Registration of guardianship", HoTich, Ward, 0, WD, cutOff: true, fee: false, None),
        P("1.001766", "Đăng ký khai sinh có yếu tố nước ngoài", "Birth registration with a foreign element", HoTich, Ward, 0, WD, cutOff: true, fee: true, Part),
        P("1.000893", "Đăng ký kết hôn có yếu tố nước ngoài", "Marriage registration with a foreign element", HoTich, Ward, 10, WD, cutOff: false, fee: true, Part),
        P("2.000635", "Ghi vào Sổ hộ tịch việc hộ tịch đã đăng ký tại cơ quan có thẩm quyền của nước ngoài", "Recording a civil status event registered abroad", HoTich, Ward, 5, WD, cutOff: false, fee: true, Part),

        // Certification (Decree 23/2015/NĐ-CP art. 7): copies and signatures the same day, after 15:00 the next working day; contracts 2 working days.
        P("2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp", "Certified copy from an original issued in Vietnam", ChungThuc, Ward, 0, WD, cutOff: true, fee: true, Part),
        P("2.000884", "Chứng thực chữ ký trong các giấy tờ, văn bản", "Certification of a signature", ChungThuc, Ward, 0, WD, cutOff: true, fee: true, None),
        P("2.001035", "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở", "Certification of a contract on movable property, land use rights or housing", ChungThuc, Ward, 2, WD, cutOff: false, fee: true, None),
        P("2.001019", "Chứng thực văn bản thỏa thuận phân chia di sản", "Certification of an agreement dividing an estate", ChungThuc, Ward, 2, WD, cutOff: false, fee: true, None),
        P("2.000913", "Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch", "Certification of an amendment or cancellation of a contract", ChungThuc, Ward, 2, WD, cutOff: false, fee: true, None),
        P("2.000927", "Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực", "Certified copy of a certified contract", ChungThuc, Ward, 0, WD, cutOff: true, fee: true, Part),

        // Judicial records (Law on Judicial Records 2009 art. 48: 10 days), at the city's Department of Justice.
        P("2.000488", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam", "Criminal record certificate", LyLich, City, 10, WD, cutOff: false, fee: true, Full),
        P("2.000505", "Cấp Phiếu lý lịch tư pháp cho cơ quan tiến hành tố tụng", "Criminal record certificate for prosecuting bodies", LyLich, City, 10, WD, cutOff: false, fee: false, Part),

        // Construction (Construction Law 2014 art. 102: 15 days for detached houses, 20 days for other works).
        P("1.009994", "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", "Building permit for a new detached house", XayDung, Ward, 15, WD, cutOff: false, fee: true, Part),
        P("1.009995", "Cấp giấy phép xây dựng sửa chữa, cải tạo đối với nhà ở riêng lẻ", "Building permit to repair or renovate a detached house", XayDung, Ward, 15, WD, cutOff: false, fee: true, Part),
        P("1.009996", "Cấp giấy phép di dời đối với nhà ở riêng lẻ", "Permit to relocate a detached house", XayDung, Ward, 15, WD, cutOff: false, fee: true, None),
        P("1.009997", "Điều chỉnh, gia hạn, cấp lại giấy phép xây dựng nhà ở riêng lẻ", "Amendment, extension or reissue of a house building permit", XayDung, Ward, 5, WD, cutOff: false, fee: true, Part),
        P("1.009974", "Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II", "Building permit for major works (special class, class I, class II)", XayDung, City, 20, WD, cutOff: false, fee: true, Part),
        P("1.009975", "Cấp giấy phép xây dựng công trình theo tuyến", "Building permit for linear works", XayDung, City, 20, WD, cutOff: false, fee: true, Part),
        P("1.009928", "Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III", "Construction practice certificate (classes II and III)", XayDung, City, 20, WD, cutOff: false, fee: true, Full),
        P("1.009932", "Cấp chứng chỉ năng lực hoạt động xây dựng hạng II, hạng III", "Construction capacity certificate (classes II and III)", XayDung, City, 20, WD, cutOff: false, fee: true, Full),
        P("1.009973", "Thẩm định báo cáo nghiên cứu khả thi đầu tư xây dựng", "Appraisal of a construction feasibility study", XayDung, City, 30, WD, cutOff: false, fee: true, Part),
        P("1.008432", "Cung cấp thông tin về quy hoạch xây dựng", "Information on construction planning", XayDung, Ward, 8, H, cutOff: false, fee: false, Full), // demo
        P("1.008891", "Cấp phép sử dụng tạm thời một phần hè phố không vì mục đích giao thông (việc cưới, việc tang)", "Temporary use of a pavement for a wedding or a funeral", XayDung, Ward, 4, H, cutOff: false, fee: true, Part), // demo

        // Land (Decree 101/2024/NĐ-CP; Decree 99/2022/NĐ-CP for security interests: the same day).
        P("1.012754", "Đăng ký đất đai, tài sản gắn liền với đất lần đầu; cấp Giấy chứng nhận quyền sử dụng đất", "First registration of land and a land use rights certificate", DatDai, Ward, 20, WD, cutOff: false, fee: true, Part),
        P("1.012761", "Đăng ký biến động quyền sử dụng đất do chuyển nhượng, tặng cho, thừa kế", "Registration of a transfer, gift or inheritance of land use rights", DatDai, City, 10, WD, cutOff: false, fee: true, Part),
        P("1.012765", "Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", "Replacement of a land use rights certificate", DatDai, City, 7, WD, cutOff: false, fee: true, Part),
        P("1.012767", "Cấp lại Giấy chứng nhận do bị mất", "Reissue of a lost land use rights certificate", DatDai, City, 10, WD, cutOff: false, fee: true, None),
        P("1.012771", "Đính chính Giấy chứng nhận đã cấp", "Correction of an issued land use rights certificate", DatDai, City, 10, WD, cutOff: false, fee: false, Part),
        P("1.012780", "Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩm quyền", "Change of land use purpose", DatDai, Ward, 15, WD, cutOff: false, fee: true, None), // demo
        P("1.011545", "Đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất", "Registration of a mortgage over land use rights", DatDai, City, 0, WD, cutOff: true, fee: true, Full),
        P("1.011548", "Xóa đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất", "Deregistration of a mortgage over land use rights", DatDai, City, 0, WD, cutOff: true, fee: true, Full),
        P("1.012790", "Cung cấp thông tin, dữ liệu đất đai", "Provision of land information", DatDai, City, 2, WD, cutOff: false, fee: true, Full), // demo
        P("1.012795", "Tách thửa hoặc hợp thửa đất", "Division or merger of land plots", DatDai, City, 15, WD, cutOff: false, fee: true, None), // demo

        // Enterprises (Law on Enterprises 2020 art. 26: 3 working days) and investment (Investment Law 2020 art. 38: 15 days).
        P("2.001610", "Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên", "Registration of a single-member limited liability company", DoanhNghiep, City, 3, WD, cutOff: false, fee: true, Full),
        P("2.001199", "Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên", "Registration of a multi-member limited liability company", DoanhNghiep, City, 3, WD, cutOff: false, fee: true, Full),
        P("2.002040", "Đăng ký thành lập công ty cổ phần", "Registration of a joint-stock company", DoanhNghiep, City, 3, WD, cutOff: false, fee: true, Full),
        P("2.002043", "Đăng ký doanh nghiệp tư nhân", "Registration of a sole proprietorship", DoanhNghiep, City, 3, WD, cutOff: false, fee: true, Full),
        P("1.005165", "Đăng ký thay đổi nội dung đăng ký doanh nghiệp", "Change of enterprise registration details", DoanhNghiep, City, 3, WD, cutOff: false, fee: true, Full),
        P("1.005187", "Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo", "Notice of suspension or early resumption of business", DoanhNghiep, City, 3, WD, cutOff: false, fee: false, Full),
        P("1.005191", "Giải thể doanh nghiệp", "Dissolution of an enterprise", DoanhNghiep, City, 5, WD, cutOff: false, fee: false, Full),
        P("2.002050", "Đăng ký hoạt động chi nhánh, văn phòng đại diện, địa điểm kinh doanh", "Registration of a branch, representative office or business location", DoanhNghiep, City, 3, WD, cutOff: false, fee: true, Full),
        P("1.009645", "Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư", "Investment registration certificate (no in-principle approval needed)", DauTu, City, 15, CD, cutOff: false, fee: false, Part),
        P("1.009650", "Điều chỉnh Giấy chứng nhận đăng ký đầu tư", "Amendment of an investment registration certificate", DauTu, City, 10, WD, cutOff: false, fee: false, Part),
        P("2.000575", "Đăng ký thành lập hộ kinh doanh", "Registration of a household business", HoKinhDoanh, Ward, 3, WD, cutOff: false, fee: true, Full),
        P("2.000720", "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", "Change of household business registration", HoKinhDoanh, Ward, 3, WD, cutOff: false, fee: true, Full),
        P("2.000607", "Tạm ngừng, chấm dứt hoạt động hộ kinh doanh", "Suspension or closure of a household business", HoKinhDoanh, Ward, 3, WD, cutOff: false, fee: false, Full),

        // Labour and employment (Labour Code 2019 art. 119: 7 working days; Law on Employment 2013 art. 46: 20 working days).
        P("1.000105", "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam", "Work permit for a foreign employee", LaoDong, City, 5, WD, cutOff: false, fee: true, Full),
        P("1.000459", "Xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động", "Confirmation that a foreign employee needs no work permit", LaoDong, City, 5, WD, cutOff: false, fee: false, Full),
        P("1.000230", "Đăng ký nội quy lao động của doanh nghiệp", "Registration of an employer's labour regulations", LaoDong, City, 7, WD, cutOff: false, fee: false, Full),
        P("1.001978", "Giải quyết hưởng trợ cấp thất nghiệp", "Unemployment benefit", LaoDong, City, 20, WD, cutOff: false, fee: false, Part),
        P("1.000414", "Cấp giấy phép hoạt động cho thuê lại lao động", "Licence for labour leasing", LaoDong, City, 20, WD, cutOff: false, fee: true, Part),
        P("2.000134", "Gửi thỏa ước lao động tập thể", "Filing of a collective labour agreement", LaoDong, City, 5, WD, cutOff: false, fee: false, Full), // demo

        // Social protection and people with meritorious services (Decree 20/2021/NĐ-CP; demo where marked).
        P("1.001776", "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng", "Monthly social allowance", BaoTro, Ward, 15, WD, cutOff: false, fee: false, Part),
        P("1.001758", "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", "Funeral allowance for social protection beneficiaries", BaoTro, Ward, 3, WD, cutOff: false, fee: false, Part),
        P("2.000286", "Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật", "Assessment of disability and disability certificate", BaoTro, Ward, 25, WD, cutOff: false, fee: false, Part),
        P("1.010821", "Giải quyết chế độ trợ cấp thờ cúng liệt sĩ", "Allowance for the worship of a fallen soldier", NguoiCoCong, Ward, 12, WD, cutOff: false, fee: false, None), // demo
        P("1.010810", "Cấp giấy giới thiệu đi thăm viếng mộ liệt sĩ và hỗ trợ thăm viếng mộ liệt sĩ", "Letter and support for visiting a fallen soldier's grave", NguoiCoCong, Ward, 3, WD, cutOff: false, fee: false, Part), // demo

        // Education (Decree 23/2015 for copies of diplomas; demo where marked).
        P("1.005092", "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", "Copy of a diploma from the master register", GiaoDuc, City, 0, WD, cutOff: true, fee: true, Full),
        P("1.005088", "Chỉnh sửa nội dung văn bằng, chứng chỉ", "Correction of a diploma or certificate", GiaoDuc, City, 5, WD, cutOff: false, fee: false, Part),
        P("1.004439", "Chuyển trường đối với học sinh trung học cơ sở", "School transfer (lower secondary)", GiaoDuc, Ward, 3, WD, cutOff: false, fee: false, Full), // demo
        P("1.004494", "Cho phép thành lập trường mầm non tư thục", "Permission to found a private kindergarten", GiaoDuc, Ward, 20, WD, cutOff: false, fee: false, Part),
        P("1.005000", "Cho phép trung tâm ngoại ngữ, tin học hoạt động giáo dục", "Permission for a language or IT centre to operate", GiaoDuc, City, 20, WD, cutOff: false, fee: false, Part),
        P("1.004987", "Công nhận trường tiểu học đạt chuẩn quốc gia", "Recognition of a primary school as meeting national standards", GiaoDuc, City, 20, WD, cutOff: false, fee: false, None), // demo

        // Health and pharmacy (Law on Pharmacy 2016: 20 days for a practice certificate; demo where marked).
        P("1.012270", "Cấp giấy phép hành nghề khám bệnh, chữa bệnh", "Licence to practise medicine", YTe, City, 30, CD, cutOff: false, fee: true, Part), // demo
        P("1.012280", "Cấp giấy phép hoạt động đối với phòng khám chuyên khoa", "Operating licence for a specialist clinic", YTe, City, 45, CD, cutOff: false, fee: true, Part), // demo
        P("1.002425", "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "Food safety certificate for a food business", YTe, City, 20, WD, cutOff: false, fee: true, Full),
        P("1.003598", "Tiếp nhận bản tự công bố sản phẩm thực phẩm", "Receipt of a food product self-declaration", YTe, City, 0, WD, cutOff: false, fee: false, Full), // demo
        P("1.004616", "Cấp Chứng chỉ hành nghề dược", "Pharmacy practice certificate", Duoc, City, 20, WD, cutOff: false, fee: true, Full),
        P("1.004604", "Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược cho nhà thuốc", "Pharmaceutical business certificate for a pharmacy", Duoc, City, 20, WD, cutOff: false, fee: true, Part),
        P("1.004560", "Cho phép bán lẻ thuốc thuộc danh mục thuốc hạn chế bán lẻ", "Permission to retail restricted medicines", Duoc, City, 15, WD, cutOff: false, fee: true, Part), // demo

        // Transport (Circular 35/2024/TT-BGTVT on driving licences: 5 working days; demo where marked).
        P("1.002809", "Đổi giấy phép lái xe do ngành giao thông vận tải cấp", "Renewal of a driving licence", GiaoThong, City, 5, WD, cutOff: false, fee: true, Full),
        P("1.002804", "Cấp lại giấy phép lái xe", "Reissue of a driving licence", GiaoThong, City, 5, WD, cutOff: false, fee: true, Full),
        P("1.002861", "Cấp Giấy phép kinh doanh vận tải bằng xe ô tô", "Licence for road transport by car", GiaoThong, City, 5, WD, cutOff: false, fee: true, Full),
        P("1.002856", "Cấp phù hiệu xe ô tô kinh doanh vận tải", "Badge for a commercial transport vehicle", GiaoThong, City, 2, WD, cutOff: false, fee: false, Full),
        P("1.001023", "Cấp giấy phép thi công công trình trên đường bộ đang khai thác", "Permit for works on a road in service", GiaoThong, City, 7, WD, cutOff: false, fee: false, Part), // demo
        P("1.001046", "Cấp giấy phép lưu hành xe quá tải trọng, xe quá khổ giới hạn trên đường bộ", "Permit for oversize or overweight vehicles", GiaoThong, City, 16, H, cutOff: false, fee: false, Full), // demo

        // Industry and trade (Decree 105/2017/NĐ-CP: alcohol retail 10 working days; demo where marked).
        P("2.000633", "Cấp Giấy phép bán lẻ rượu", "Alcohol retail licence", CongThuong, Ward, 10, WD, cutOff: false, fee: true, Part),
        P("2.000620", "Cấp Giấy phép bán lẻ sản phẩm thuốc lá", "Tobacco retail licence", CongThuong, Ward, 15, WD, cutOff: false, fee: true, Part),
        P("2.000190", "Cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu", "Certificate for a petrol retail station", CongThuong, City, 15, WD, cutOff: false, fee: true, Part), // demo
        P("2.000591", "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm (lĩnh vực Công Thương)", "Food safety certificate (trade and industry)", CongThuong, City, 20, WD, cutOff: false, fee: true, Full),
        P("2.000581", "Cấp Giấy phép kinh doanh cho tổ chức kinh tế có vốn đầu tư nước ngoài thực hiện hoạt động mua bán hàng hóa", "Trading licence for a foreign-invested company", CongThuong, City, 10, WD, cutOff: false, fee: true, Part), // demo
        P("2.001264", "Xác nhận đăng ký thực hiện khuyến mại", "Confirmation of a sales promotion", CongThuong, City, 5, WD, cutOff: false, fee: false, Full), // demo

        // Culture, sport and tourism (Decree 54/2019/NĐ-CP: karaoke 5 working days; demo where marked).
        P("1.001029", "Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke", "Licence for a karaoke business", VanHoa, Ward, 5, WD, cutOff: false, fee: true, Part),
        P("1.003622", "Cấp Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao", "Certificate for a sports business", VanHoa, City, 7, WD, cutOff: false, fee: false, Part), // demo
        P("1.004628", "Cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa", "Domestic travel agency licence", VanHoa, City, 10, WD, cutOff: false, fee: true, Full),
        P("1.001008", "Thông báo tổ chức lễ hội cấp xã", "Notice of a ward festival", VanHoa, Ward, 5, WD, cutOff: false, fee: false, None), // demo

        // Natural resources and environment (Law on Environmental Protection 2020 art. 43: 30 days; demo where marked).
        P("1.010727", "Cấp giấy phép môi trường (cấp tỉnh)", "Environmental licence (city level)", MoiTruong, City, 30, CD, cutOff: false, fee: true, Part),
        P("1.010733", "Thẩm định báo cáo đánh giá tác động môi trường", "Appraisal of an environmental impact assessment", MoiTruong, City, 45, CD, cutOff: false, fee: true, Part),
        P("1.004253", "Cấp giấy phép khai thác, sử dụng nước dưới đất", "Licence to extract groundwater", MoiTruong, City, 30, WD, cutOff: false, fee: true, None), // demo
        P("1.010736", "Tiếp nhận đăng ký môi trường", "Environmental registration", MoiTruong, Ward, 0, WD, cutOff: false, fee: false, Full), // demo

        // Home affairs and religion (demo figures).
        P("1.003621", "Đăng ký hoạt động tín ngưỡng", "Registration of belief activities", NoiVu, Ward, 15, CD, cutOff: false, fee: false, None), // demo
        P("1.001055", "Thông báo danh mục hoạt động tôn giáo", "Notice of a list of religious activities", NoiVu, City, 20, CD, cutOff: false, fee: false, Part), // demo
        P("1.000775", "Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã về thành tích đột xuất", "Ward chairman's certificate of merit for an exceptional deed", NoiVu, Ward, 5, WD, cutOff: false, fee: false, None), // demo

        // Complaints and denunciations (Law on Complaints 2011 art. 28: 30 days; Law on Denunciations 2018 art. 30: 30 days).
        P("2.002411", "Giải quyết khiếu nại lần đầu", "First-instance handling of a complaint", KhieuNai, Ward, 30, CD, cutOff: false, fee: false, None),
        P("2.002412", "Giải quyết khiếu nại lần hai", "Second-instance handling of a complaint", KhieuNai, City, 45, CD, cutOff: false, fee: false, None),
        P("2.002501", "Giải quyết tố cáo", "Handling of a denunciation", KhieuNai, City, 30, CD, cutOff: false, fee: false, None),
    ];

    /// <summary>The demo catalogue (fresh instances on every call, ready to be added to a context).</summary>
    public static IReadOnlyList<Procedure> All() => [.. Catalogue.Select(Copy)];

    private static Procedure Copy(Procedure p) => new()
    {
        Code = p.Code,
        NameVi = p.NameVi,
        NameEn = p.NameEn,
        Sector = p.Sector,
        Level = p.Level,
        ProcessingTime = p.ProcessingTime,
        ProcessingUnit = p.ProcessingUnit,
        AfterCutOffCountsNextDay = p.AfterCutOffCountsNextDay,
        FeeBearing = p.FeeBearing,
        OnlineLevel = p.OnlineLevel,
    };

    private static Procedure P(string code, string nameVi, string nameEn, string sector, ProcedureLevel level, int time, DeadlineUnit unit, bool cutOff, bool fee, OnlineLevel online) => new()
    {
        Code = code,
        NameVi = nameVi,
        NameEn = nameEn,
        Sector = sector,
        Level = level,
        ProcessingTime = time,
        ProcessingUnit = unit,
        AfterCutOffCountsNextDay = cutOff,
        FeeBearing = fee,
        OnlineLevel = online,
    };
}
