#include "ui_imgui/widgets.h"

#include <gtest/gtest.h>

#include <array>
#include <string>

#include "ui_imgui/headless.h"

namespace motcua::ui {
namespace {

class WidgetsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = HeadlessUi::Create();
    ASSERT_TRUE(created.has_value()) << created.error().Describe();
    ui = std::move(created).value();
  }
  std::unique_ptr<HeadlessUi> ui;
};

TEST_F(WidgetsTest, ButtonReturnsTrueOnceWhenClicked) {
  int clicks = 0;
  auto draw = [&] {
    ImGui::Begin("w");
    if (Button("Tiếp nhận##receive")) ++clicks;
    ImGui::End();
  };
  ui->Frame(draw);
  ASSERT_TRUE(ui->Click("receive", draw));
  EXPECT_EQ(clicks, 1);
  ui->Frames(3, draw);
  EXPECT_EQ(clicks, 1);
}

TEST_F(WidgetsTest, DisabledButtonNeverFires) {
  int clicks = 0;
  auto draw = [&] {
    ImGui::Begin("w");
    if (Button("In lại##reprint", {.is_enabled = false})) ++clicks;
    ImGui::End();
  };
  ui->Frame(draw);
  ASSERT_TRUE(ui->Click("reprint", draw));
  EXPECT_EQ(clicks, 0);
}

TEST_F(WidgetsTest, PressThenSlideOffCancelsTheClick) {
  int clicks = 0;
  auto draw = [&] {
    ImGui::Begin("w");
    if (Button("Xác nhận##confirm")) ++clicks;
    ImGui::End();
  };
  ui->Frame(draw);
  const ItemRect r = *FindItemRect("confirm");
  ImGuiIO& io = ui->io();
  io.MousePos = r.Center();
  ui->Frame(draw);
  io.MouseDown[0] = true;
  ui->Frame(draw);
  io.MousePos = ImVec2(r.max.x + 200, r.max.y + 200);  // the finger slides off
  ui->Frame(draw);
  io.MouseDown[0] = false;
  ui->Frame(draw);
  EXPECT_EQ(clicks, 0);
}

TEST_F(WidgetsTest, FullWidthAndBigButtonSizes) {
  auto draw = [&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(600, 400));
    ImGui::Begin("w", nullptr, ImGuiWindowFlags_NoDecoration);
    BigButton("Đăng nhập##wide", {.tone = Tone::kInfo, .width_px = -1});
    BigButton("Đăng nhập##fit");
    ImGui::End();
  };
  ui->Frames(2, draw);
  const float content_width = 600 - 2 * ImGui::GetStyle().WindowPadding.x;
  EXPECT_FLOAT_EQ(FindItemRect("wide")->Width(), content_width);
  EXPECT_GE(FindItemRect("fit")->Height(), CurrentMetrics().big_button_height_px);
  EXPECT_LT(FindItemRect("fit")->Width(), content_width);
}

TEST_F(WidgetsTest, StatusBannerWrapsLongTextWithinItsWidth) {
  ImVec2 size_short, size_long;
  auto draw = [&] {
    ImGui::Begin("w");
    StatusBanner("Ngắn.", Tone::kInfo, 300);
    size_short = ImGui::GetItemRectSize();
    StatusBanner("Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Có thể thử lại lúc 08:05.",
                 Tone::kDanger, 300);
    size_long = ImGui::GetItemRectSize();
    ImGui::End();
  };
  ui->Frames(2, draw);
  EXPECT_FLOAT_EQ(size_short.x, 300);
  EXPECT_FLOAT_EQ(size_long.x, 300);
  EXPECT_GT(size_long.y, 2.5f * ImGui::GetFontSize()) << "the long line should wrap onto 3+ lines";
}

TEST_F(WidgetsTest, TextFieldTakesTypedTextAndReportsEnter) {
  std::string value;
  int enters = 0;
  bool focus = true;
  auto draw = [&] {
    ImGui::Begin("w");
    if (TextField("##name", &value, {.request_focus = focus})) ++enters;
    focus = false;
    ImGui::End();
  };
  ui->Frames(2, draw);
  ui->Type("Nguyễn Văn An", draw);
  EXPECT_EQ(value, "Nguyễn Văn An");
  ui->PressKey(ImGuiKey_Enter, draw);
  EXPECT_EQ(enters, 1);
}

TEST_F(WidgetsTest, PasswordFieldActiveOnlyWhileAPasswordBoxHasTheCaret) {
  // The shell bypasses its wedge-scan detector exactly while this is true (app_shell.h).
  std::string user, password;
  int focus = 0;  // 1 = the user box, 2 = the password box, this frame only
  auto draw = [&] {
    ImGui::Begin("w");
    TextField("##user", &user, {.request_focus = focus == 1});
    TextField("##password", &password, {.is_password = true, .request_focus = focus == 2});
    focus = 0;
    ImGui::End();
  };
  ui->Frames(2, draw);
  EXPECT_FALSE(IsPasswordFieldActive()) << "no box has the caret";
  focus = 1;
  ui->Frames(2, draw);
  EXPECT_FALSE(IsPasswordFieldActive()) << "the user-name box is not a password box";
  focus = 2;
  ui->Frames(2, draw);
  EXPECT_TRUE(IsPasswordFieldActive());
  ui->Type("Mk@2026-xvfb", draw);
  EXPECT_TRUE(IsPasswordFieldActive());
  EXPECT_EQ(password, "Mk@2026-xvfb");
  focus = 1;
  ui->Frames(2, draw);
  EXPECT_FALSE(IsPasswordFieldActive()) << "the caret went back to the user-name box";
}

TEST_F(WidgetsTest, DataTableRowsAreClickable) {
  struct Row {
    const char* code;
    const char* name;
    Urgency urgency;
  };
  const std::array<Row, 3> rows = {{
      {"000.00.12.H56-250101-0001", "Nguyễn Văn An", Urgency::kOverdue},
      {"000.00.12.H56-250101-0002", "Trần Thị Bình", Urgency::kDueToday},
      {"000.00.12.H56-250101-0003", "Lê Văn Cư", Urgency::kOnTrack},
  }};
  const TableColumn columns[] = {{"Mã hồ sơ", 0, 2}, {"Người nộp", 0, 2}, {"Hạn", 180}};
  int selected = -1;
  std::vector<ImVec2> row_centres;
  auto draw = [&] {
    ImGui::Begin("w");
    row_centres.clear();
    if (BeginDataTable("##dossiers", columns, 300)) {
      for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
        if (DataTableRow(i, rows[i].code, selected == i)) selected = i;
        row_centres.push_back(ImVec2((ImGui::GetItemRectMin().x + ImGui::GetItemRectMax().x) / 2,
                                     (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y) / 2));
        NextCellText(rows[i].name);
        NextCellBadge("Quá hạn", ToneForUrgency(rows[i].urgency));
      }
      EndDataTable();
    }
    ImGui::End();
  };
  ui->Frames(2, draw);
  ASSERT_EQ(row_centres.size(), 3u);
  ui->ClickAt(row_centres[1], draw);
  EXPECT_EQ(selected, 1);
}

TEST_F(WidgetsTest, ItemLocatorFindsByFullLabelOrIdAfterHashes) {
  auto draw = [&] {
    ImGui::Begin("w");
    Button("Đóng##close");
    ImGui::End();
  };
  ui->Frame(draw);
  EXPECT_TRUE(FindItemRect("Đóng##close").has_value());
  EXPECT_TRUE(FindItemRect("close").has_value());
  EXPECT_FALSE(FindItemRect("open").has_value());
}

TEST_F(WidgetsTest, EmIsRelativeToTheFontSize) {
  float em = 0;
  ui->Frame([&] {
    ImGui::Begin("w");
    em = Em(2.0f);
    ImGui::End();
  });
  EXPECT_FLOAT_EQ(em, 2.0f * CurrentMetrics().body_px);
}

}  // namespace
}  // namespace motcua::ui
