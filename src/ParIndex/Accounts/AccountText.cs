using static ParIndex.Web.Text;

namespace ParIndex.Accounts;

/// <summary>How roles, audit actions and account states are named on the pages.</summary>
public static class AccountText
{
    public static string RoleName(string role) => role switch
    {
        Roles.Administrator => T("Quản trị viên (Sở Nội vụ)", "Administrator (Home Affairs)"),
        Roles.Appraiser => T("Thẩm định viên (cơ quan chủ trì)", "Appraiser (lead agency)"),
        Roles.UnitOfficer => T("Cán bộ đơn vị", "Unit officer"),
        Roles.UnitHead => T("Lãnh đạo đơn vị", "Unit head"),
        Roles.CouncilMember => T("Thành viên Hội đồng thẩm định", "Council member"),
        Roles.Viewer => T("Người xem", "Viewer"),
        _ => role,
    };

    public static string RoleHint(string role) => role switch
    {
        Roles.Administrator => T("Quản lý bộ tiêu chí, giai đoạn, người dùng; công bố kết quả.", "Manages criteria, phases and users; publishes."),
        Roles.Appraiser => T("Thẩm định các tiêu chí do cơ quan mình chủ trì. Cần chọn đơn vị (cơ quan chủ trì).", "Appraises the criteria their agency leads. Needs a unit (the lead agency)."),
        Roles.UnitOfficer => T("Tự chấm điểm, tải tài liệu kiểm chứng, giải trình cho đơn vị mình. Cần chọn đơn vị.", "Self-scores, uploads evidence and explains for their unit. Needs a unit."),
        Roles.UnitHead => T("Duyệt và gửi bản tự đánh giá của đơn vị. Cần chọn đơn vị.", "Reviews and submits the unit's self-assessment. Needs a unit."),
        Roles.CouncilMember => T("Xem xét và quyết định điểm cuối cùng.", "Reviews and decides final scores."),
        Roles.Viewer => T("Xem toàn bộ quá trình đánh giá, không thay đổi gì.", "Reads the whole campaign, changes nothing."),
        _ => "",
    };

    public static string ActionName(string action) => action switch
    {
        "user.created" => T("Tạo tài khoản", "Account created"),
        "user.updated" => T("Đổi vai trò, đơn vị hoặc tên", "Roles, unit or name changed"),
        "user.locked" => T("Khóa tài khoản", "Locked"),
        "user.unlocked" => T("Mở khóa tài khoản", "Unlocked"),
        "user.password-reset" => T("Đặt lại mật khẩu", "Password reset"),
        "user.password-changed" => T("Tự đổi mật khẩu", "Password changed by the user"),
        "user.signed-in" => T("Đăng nhập", "Signed in"),
        "user.sign-in-failed" => T("Đăng nhập không thành công", "Failed sign-in"),
        "api-token.created" => T("Tạo mã truy cập", "Token created"),
        "api-token.revoked" => T("Thu hồi mã truy cập", "Token revoked"),
        _ => action,
    };

    public static string TokenStatusName(Tokens.ApiTokenStatus status) => status switch
    {
        Tokens.ApiTokenStatus.Active => T("Đang dùng", "Active"),
        Tokens.ApiTokenStatus.Expired => T("Hết hạn", "Expired"),
        _ => T("Đã thu hồi", "Revoked"),
    };
}
