#include "support/fixtures.h"

#include "support/test_database.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <map>
#include <gtest/gtest.h>

#include "common/crypto.h"

namespace motcua::testing {

Status WriteJournaled(store::Store& store, const std::function<Status(store::WriteTx&)>& body) {
  return store.Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_TRY(body(tx));
    auto e = tx.AppendEvent({"test.write", "", "test", "station-1", Instant{}, "{}"});
    if (!e) return e.error();
    return Ok();
  });
}
namespace fs = std::filesystem;

TempDir::TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "motcua-test-XXXXXX").string();
  char* made = ::mkdtemp(tmpl.data());
  if (!made) std::abort();
  path_ = made;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

TinyFilesystem::TinyFilesystem(int size_kib) {
  if (::geteuid() != 0) {
    why_not_ = "mounting a tmpfs needs root";
    return;
  }
  const std::string cmd = "mount -t tmpfs -o size=" + std::to_string(size_kib) + "k motcua-test-tmpfs '" +
                          dir_.path().string() + "' 2>/dev/null";
  mounted_ = std::system(cmd.c_str()) == 0;
  if (!mounted_) why_not_ = "this machine does not allow mounting a tmpfs";
}

TinyFilesystem::~TinyFilesystem() {
  if (mounted_) std::system(("umount '" + dir_.path().string() + "' 2>/dev/null").c_str());
}

Instant At(const char* local) {
  auto t = ParseLocalMinute(local, "test");
  if (!t) {
    ADD_FAILURE() << "bad time literal " << local;
    return Instant{};
  }
  return FromLocalVn(*t);
}

catalog::Procedure ResidenceProcedure() {
  catalog::Procedure p;
  p.code = "1.004222";
  p.name = "Đăng ký thường trú";
  p.group = "cư trú";
  p.field_name = "Đăng ký, quản lý cư trú";
  p.level = catalog::Level::kCommune;
  p.agency = "Công an cấp xã";
  p.subject = "citizen";
  p.processing.standard = calendar::Duration{7, calendar::DurationUnit::kWorkingDays};
  p.processing.as_published = "07 ngày làm việc";
  p.components = {
      {"TP1", "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)", "Giấy tờ phải nộp", 1, 0, false, true},
      {"TP2", "Giấy tờ, tài liệu chứng minh việc sở hữu chỗ ở hợp pháp", "Giấy tờ phải nộp", 0, 1, false, true},
      {"TP3", "Trường hợp người chưa thành niên: văn bản đồng ý của cha, mẹ", "Giấy tờ phải nộp", 1, 0, false, false},
  };
  p.results = {{"Thông báo kết quả giải quyết", "", false}};
  p.sources = {"test fixture after DVCQG 1.004222"};
  return p;
}

catalog::Procedure HoursProcedure() {
  catalog::Procedure p;
  p.code = "9.999001";
  p.name = "Thủ tục thử nghiệm theo giờ làm việc";
  p.group = "thử nghiệm";
  p.agency = "Đơn vị thử nghiệm";
  p.processing.standard = calendar::Duration{8, calendar::DurationUnit::kWorkingHours};
  p.fees = {{"Lệ phí thử nghiệm", 10000, "", "reception", ""}};
  p.components = {{"TP1", "Đơn đề nghị", "", 1, 0, false, true}, {"TP2", "Căn cước", "", 0, 0, true, true}};
  p.results = {{"Giấy chứng nhận thử nghiệm", "KQ.TEST.1", true}};
  p.sources = {"fictional test procedure"};
  return p;
}

catalog::Procedure NoDueDateProcedure() {
  catalog::Procedure p;
  p.code = "9.999002";
  p.name = "Thủ tục thử nghiệm không có ngày hẹn trả";
  p.agency = "Đơn vị thử nghiệm";
  p.processing.no_due_date = true;
  p.components = {{"TP1", "Đơn đề nghị", "", 1, 0, false, true}};
  p.sources = {"fictional test procedure"};
  return p;
}

std::unique_ptr<TestDesk> MakeTestDesk(const fs::path& dir, workflow::DeskSettings settings) {
  (void)InitCrypto();
  auto t = std::make_unique<TestDesk>();
  // SQLite's motcua.db in `dir`, or a schema of the test server when MOTCUA_TEST_BACKEND=postgres.
  if (BackendFromEnvironment() == Backend::kSqlite) {
    const std::string path = (dir / "motcua.db").string();
    t->open_another = [path] { return store::OpenSqliteStore(path); };
    t->location = path;
  } else {
    // One schema per directory, as one file per directory: a test that makes its desk again reopens it.
    static std::map<fs::path, TestDatabase> by_dir;
    auto known = by_dir.find(dir);
    if (known == by_dir.end()) {
      auto db = TestDatabase::Create(Backend::kPostgres, dir);
      if (!db) {
        ADD_FAILURE() << db.error().Describe();
        return nullptr;
      }
      known = by_dir.emplace(dir, std::move(*db)).first;
    }
    t->open_another = [db = known->second] { return db.Open(); };
    t->location = known->second.location();
  }
  auto store = t->open_another();
  if (!store) {
    ADD_FAILURE() << store.error().Describe();
    return nullptr;
  }
  t->store = std::move(*store);
  auto cal = calendar::LoadCalendar(fs::path(MOTCUA_ASSETS_DIR) / "calendar");
  if (!cal) {
    ADD_FAILURE() << cal.error().Describe();
    return nullptr;
  }
  t->calendar.emplace(std::move(*cal));
  Status s = WriteJournaled(*t->store, [&](store::WriteTx& tx) -> Status {
    for (const auto& p : {ResidenceProcedure(), HoursProcedure(), NoDueDateProcedure()})
      MOTCUA_TRY(tx.UpsertProcedure(p));
    return Ok();
  });
  if (!s) ADD_FAILURE() << s.error().Describe();
  if (auto events = t->store->ReadJournal({})) t->setup_events = events->size();
  if (settings.agency_id.empty()) settings.agency_id = "000.00.00.H56";
  if (settings.receiving_unit.empty()) settings.receiving_unit = "Bộ phận một cửa thử nghiệm";
  t->desk.store = t->store.get();
  t->desk.calendar = &*t->calendar;
  t->desk.settings = settings;
  t->desk.center_key = std::string(32, 'k');
  t->desk.files_root = dir / "files";
  return t;
}

workflow::IntakeRequest SampleIntake(const std::string& procedure_code) {
  workflow::IntakeRequest r;
  r.procedure_code = procedure_code;
  r.applicant.id_type = dossier::IdType::kCccd;
  r.applicant.id_number = "001090123456";
  r.applicant.name = "Nguyễn Thị Thử";
  r.applicant.phone = "0912345678";
  r.applicant.address = "Tổ 1, phường Phan Thiết, tỉnh Tuyên Quang";
  return r;
}

CommandResult RunCli(const std::vector<std::string>& args) {
  std::vector<std::string> argv{std::string(MOTCUA_BIN_DIR) + "/motcua"};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunCommand(argv);
}

bool PrepareCliStation(const fs::path& db, const std::string& now, const std::vector<std::string>& extra_init_args) {
  return PrepareCliStation(CliStation{db.string(), db.parent_path(), std::nullopt}, now, extra_init_args);
}

CliStation MakeCliStation(const fs::path& dir) {
  if (BackendFromEnvironment() == Backend::kSqlite) return {(dir / "motcua.db").string(), dir, std::nullopt};
  auto db = TestDatabase::Create(Backend::kPostgres, dir);
  if (!db) {
    ADD_FAILURE() << db.error().Describe();
    return {"", dir, std::nullopt};
  }
  return {db->location(), dir, *db};
}

bool PrepareCliStation(const CliStation& station, const std::string& now,
                       const std::vector<std::string>& extra_init_args) {
  if (station.db.empty()) return false;
  // With a clock: a demo database (--now is refused on any other). Without: a real one, at real time.
  std::vector<std::string> common = station.Args();
  common.insert(common.end(), {"--assets", MOTCUA_ASSETS_DIR});
  if (!now.empty()) common.insert(common.end(), {"--now", now});
  std::vector<std::string> init = common;
  init.push_back("init");
  if (!now.empty()) init.push_back("--demo");
  init.insert(init.end(), extra_init_args.begin(), extra_init_args.end());
  CommandResult created = RunCli(init);
  if (created.exit_code != 0) {
    ADD_FAILURE() << "motcua init: " << created.err;
    return false;
  }
  {
    // The cheapest argon2id cost libsodium allows: the tests check the rules, not the hash cost.
    auto store = store::Open(station.db, {.create_if_missing = false, .files_dir = station.data_dir.string()});
    Status cheap = store ? WriteJournaled(**store, [](store::WriteTx& tx) -> Status {
      MOTCUA_TRY(tx.PutSetting("auth.argon2_opslimit", "1"));
      return tx.PutSetting("auth.argon2_memlimit_bytes", "8192");
    }) : Status(store.error());
    if (!cheap) {
      ADD_FAILURE() << cheap.error().Describe();
      return false;
    }
  }
  ::setenv("MOTCUA_NEW_PASSWORD", kCliPassword, 1);
  std::vector<std::string> add = common;
  add.insert(add.end(), {"user", "add", kCliAdmin, "--role", "admin", "--name", "Quản Trị Viên", "--if-no-admin"});
  CommandResult admin = RunCli(add);
  ::unsetenv("MOTCUA_NEW_PASSWORD");
  if (admin.exit_code != 0) {
    ADD_FAILURE() << "motcua user add: " << admin.err;
    return false;
  }
  ::setenv("MOTCUA_PASSWORD", kCliPassword, 1);
  return true;
}

CommandResult RunCommand(const std::vector<std::string>& argv_in) {
  CommandResult result;
  int out_pipe[2], err_pipe[2];
  if (::pipe(out_pipe) != 0 || ::pipe(err_pipe) != 0) return result;
  pid_t pid = ::fork();
  if (pid == 0) {
    const int null_in = ::open("/dev/null", O_RDONLY);
    if (null_in >= 0) ::dup2(null_in, 0);
    ::dup2(out_pipe[1], 1);
    ::dup2(err_pipe[1], 2);
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    std::vector<std::string> argv_s = argv_in;
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execvp(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  // Drain both pipes; outputs are small, so reading one then the other cannot deadlock in practice,
  // but read them alternately with poll-free non-blocking reads to be safe.
  auto drain = [](int fd, std::string& into) {
    char buf[4096];
    ssize_t n;
    while ((n = ::read(fd, buf, sizeof buf)) > 0) into.append(buf, std::size_t(n));
  };
  drain(out_pipe[0], result.out);
  drain(err_pipe[0], result.err);
  ::close(out_pipe[0]);
  ::close(err_pipe[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

std::string TinyPdf(int pages) {
  // Objects: 1 catalog, 2 page tree, then one page object per page. Offsets are computed as we go.
  std::vector<std::string> objects;
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (int i = 0; i < pages; ++i) kids += std::to_string(3 + i) + " 0 R ";
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>");
  for (int i = 0; i < pages; ++i) objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] >>");
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace motcua::testing
