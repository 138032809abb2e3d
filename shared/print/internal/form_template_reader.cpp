// Reading and checking a form template (assets/forms/*.json, format: assets/forms/README.md) into a
// FormTemplate: every key known, every value of the right type, every {placeholder}, condition, list
// and phrase one the form provides (its FormSchema), every piece of markup one pango parses. The first
// problem is the error, naming the file and the JSON Pointer (or the line, for a syntax error).
#include <pango/pango.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/json_place.h"
#include "common/text.h"
#include "print/internal/form_template_format.h"

namespace motcua::print::internal {
namespace {

using nlohmann::json;

constexpr int kTemplateFormatVersion = 1;
constexpr const char* kCommonFile = "common.json";

// A place in a template file: "mau01_receipt.json#/blocks/3/line" (the file is named where it is reported).
using Where = JsonPlace;

const std::vector<std::string> kSizeRoles = {"header", "title", "body", "small", "large", "table"};

// The names visible at one place of a template, innermost first.
struct Names {
  const ScopeSchema* scope = nullptr;
  const Names* parent = nullptr;
  const std::set<std::string>* flags = nullptr;  // the densities' flags
  bool in_each = false;                           // inside "each" or a table's rows
};

std::optional<ValueKind> KindOf(const Names& names, std::string_view name) {
  for (const Names* n = &names; n; n = n->parent) {
    if (n->scope) {
      const auto it = n->scope->names.find(name);
      if (it != n->scope->names.end()) return it->second;
    }
    if (n->flags && n->flags->count(std::string(name))) return ValueKind::kFlag;
  }
  return std::nullopt;
}

const ScopeSchema* ListItems(const Names& names, std::string_view name) {
  for (const Names* n = &names; n; n = n->parent)
    if (n->scope) {
      const auto it = n->scope->lists.find(name);
      if (it != n->scope->lists.end()) return &it->second;
    }
  return nullptr;
}

std::string KnownNames(const Names& names) {
  std::set<std::string> all;
  for (const Names* n = &names; n; n = n->parent) {
    if (n->scope)
      for (const auto& [k, v] : n->scope->names) all.insert(k);
    if (n->flags) all.insert(n->flags->begin(), n->flags->end());
  }
  std::string out;
  for (const std::string& s : all) out += (out.empty() ? "" : ", ") + s;
  return out;
}

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

// Splits "{name|f|g}"'s inside into a name and filters; "" on success, else the problem.
std::string ParsePlaceholder(std::string_view inside, TextPart& part) {
  std::vector<std::string> pieces{""};
  for (char c : inside) {
    if (c == '|') pieces.emplace_back();
    else if (c != ' ') pieces.back() += c;
  }
  for (const std::string& p : pieces) {
    if (p.empty()) return "an empty name in {" + std::string(inside) + "}";
    for (char c : p)
      if (!IsNameChar(c))
        return "{" + std::string(inside) + "} is not a placeholder (names are letters, digits, _ and .; write {{ "
               "and }} for braces)";
  }
  part.kind = TextPart::Kind::kValue;
  part.name = pieces[0];
  part.filters.assign(pieces.begin() + 1, pieces.end());
  return "";
}

// Parses a template text into parts; "" on success, else the problem.
std::string ParseParts(std::string_view s, std::vector<TextPart>& out) {
  std::vector<TextPart>* cur = &out;
  bool in_optional = false;
  std::string literal;
  auto flush = [&] {
    if (!literal.empty()) cur->push_back({TextPart::Kind::kLiteral, std::move(literal)});
    literal.clear();
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const char next = i + 1 < s.size() ? s[i + 1] : '\0';
    if ((c == '{' || c == '}' || c == '[' || c == ']') && next == c) {
      literal += c;
      ++i;
      continue;
    }
    if (c == '{') {
      const std::size_t close = s.find('}', i + 1);
      if (close == std::string_view::npos) return "a { without its } (write {{ for a brace)";
      TextPart part;
      if (std::string problem = ParsePlaceholder(s.substr(i + 1, close - i - 1), part); !problem.empty())
        return problem;
      flush();
      cur->push_back(std::move(part));
      i = close;
    } else if (c == '}') {
      return "a } without its { (write }} for a brace)";
    } else if (c == '[') {
      if (in_optional) return "an optional part [...] inside another (write [[ for a bracket)";
      flush();
      out.push_back({TextPart::Kind::kOptional});
      cur = &out.back().parts;
      in_optional = true;
    } else if (c == ']') {
      if (!in_optional) return "a ] without its [ (write ]] for a bracket)";
      flush();
      bool has_value = false;
      for (const TextPart& p : *cur) has_value = has_value || p.kind == TextPart::Kind::kValue;
      if (!has_value) return "an optional part [...] without a {placeholder} (write [[ and ]] for brackets)";
      cur = &out;
      in_optional = false;
    } else {
      literal += c;
    }
  }
  if (in_optional) return "a [ without its ] (write [[ for a bracket)";
  flush();
  return "";
}

// Condition grammar: or-list of and-lists of [not] name | ( condition ).
class CondParser {
 public:
  explicit CondParser(std::string_view s) {
    std::string word;
    auto end_word = [&] {
      if (!word.empty()) tokens_.push_back(std::move(word));
      word.clear();
    };
    for (char c : s) {
      if (c == '(' || c == ')') {
        end_word();
        tokens_.emplace_back(1, c);
      } else if (c == ' ' || c == '\t') {
        end_word();
      } else {
        word += c;
      }
    }
    end_word();
  }
  std::optional<Cond> Parse(std::string* problem) {
    if (tokens_.empty()) {
      *problem = "an empty condition";
      return std::nullopt;
    }
    Cond c = Or(problem);
    if (problem->empty() && pos_ < tokens_.size()) *problem = "unexpected \"" + tokens_[pos_] + "\"";
    if (!problem->empty()) return std::nullopt;
    return c;
  }

 private:
  Cond Or(std::string* problem) {
    Cond first = And(problem);
    if (pos_ >= tokens_.size() || tokens_[pos_] != "or") return first;
    Cond c{Cond::Op::kOr, "", {std::move(first)}};
    while (problem->empty() && pos_ < tokens_.size() && tokens_[pos_] == "or") {
      ++pos_;
      c.args.push_back(And(problem));
    }
    return c;
  }
  Cond And(std::string* problem) {
    Cond first = Not(problem);
    if (pos_ >= tokens_.size() || tokens_[pos_] != "and") return first;
    Cond c{Cond::Op::kAnd, "", {std::move(first)}};
    while (problem->empty() && pos_ < tokens_.size() && tokens_[pos_] == "and") {
      ++pos_;
      c.args.push_back(Not(problem));
    }
    return c;
  }
  Cond Not(std::string* problem) {
    if (pos_ >= tokens_.size()) {
      *problem = "the condition ends too early";
      return {};
    }
    const std::string& t = tokens_[pos_++];
    if (t == "not") return Cond{Cond::Op::kNot, "", {Not(problem)}};
    if (t == "(") {
      Cond c = Or(problem);
      if (problem->empty() && (pos_ >= tokens_.size() || tokens_[pos_++] != ")")) *problem = "a ( without its )";
      return c;
    }
    for (char ch : t)
      if (!IsNameChar(ch)) {
        *problem = "\"" + t + "\" is not a name";
        return {};
      }
    if (t == "and" || t == "or") *problem = "\"" + t + "\" where a name belongs";
    return Cond{Cond::Op::kName, t, {}};
  }
  std::vector<std::string> tokens_;
  std::size_t pos_ = 0;
};

// Pango's verdict on one piece of markup: "" if it parses.
std::string MarkupProblem(const std::string& markup) {
  GError* err = nullptr;
  if (pango_parse_markup(markup.c_str(), int(markup.size()), 0, nullptr, nullptr, nullptr, &err)) return "";
  std::string message = err ? err->message : "markup does not parse";
  if (err) g_error_free(err);
  return message;
}

enum class TextMode {
  kMarkup,  // a text the layout prints: markup, all filters
  kPhrase,  // a phrase the program assembles: markup; bold, italic and blanks only
  kPlain,   // PDF metadata: plain text, blanks only
};

// A file being read: keeps the first problem, naming the file and the pointer.
class TemplateFile {
 public:
  TemplateFile(std::string file, std::string path) : file_(std::move(file)), path_(std::move(path)) {}

  const std::string& file() const { return file_; }
  const std::string& path() const { return path_; }
  bool failed() const { return error_.has_value(); }
  const Error& error() const { return *error_; }

  void Bad(const Where& w, const std::string& what) {
    if (!error_)
      error_ = Invalid(file_ + "#" + w.pointer, "bad_template", path_ + "#" + w.pointer + ": " + what);
  }

  // Reads and parses the file; false (with the error set) if it cannot.
  bool Read(json* doc) {
    std::ifstream in(path_, std::ios::binary);
    if (!in) {
      error_ = NotFound(file_, "form_template", "cannot open form template " + path_ + ": " + std::strerror(errno));
      return false;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) {
      error_ = NotFound(file_, "form_template", "cannot read form template " + path_);
      return false;
    }
    const std::string text = buf.str();
    try {
      *doc = json::parse(text);
    } catch (const json::parse_error& e) {  // nlohmann reports syntax and UTF-8 errors by throwing
      std::size_t line = 1, column = 1;
      for (std::size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
          ++line;
          column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {  // columns count characters
          ++column;
        }
      }
      error_ = Invalid(file_ + ":" + std::to_string(line), "bad_template",
                       path_ + ":" + std::to_string(line) + ":" + std::to_string(column) + ": not valid JSON (" +
                           e.what() + ")");
      return false;
    } catch (const json::exception& e) {
      error_ = Invalid(file_, "bad_template", path_ + ": not valid JSON (" + e.what() + ")");
      return false;
    }
    if (!doc->is_object()) {
      Bad({}, "expected an object");
      return false;
    }
    return true;
  }

  // Refuses keys not in `allowed` (a misspelt key must not silently drop wording).
  bool Keys(const json& j, const Where& w, std::initializer_list<std::string_view> allowed) {
    if (!j.is_object()) {
      Bad(w, std::string("expected an object, found ") + j.type_name());
      return false;
    }
    for (auto it = j.begin(); it != j.end(); ++it)
      if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end()) {
        std::string list;
        for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        Bad(w / it.key(), "unknown key \"" + it.key() + "\" (allowed here: " + list + ")");
        return false;
      }
    return true;
  }

  const json* Get(const json& j, std::string_view key, const Where& w, bool required) {
    if (j.is_object()) {
      const auto it = j.find(std::string(key));
      if (it != j.end()) return &*it;
    }
    if (required) Bad(w / key, "missing key \"" + std::string(key) + "\"");
    return nullptr;
  }

  std::string String(const json& j, const Where& w) {
    if (!j.is_string()) {
      Bad(w, std::string("expected a string, found ") + j.type_name());
      return "";
    }
    return NormalizeNfc(j.get<std::string>());
  }

  std::string String(const json& obj, std::string_view key, const Where& w, bool required) {
    const json* j = Get(obj, key, w, required);
    return j ? String(*j, w / key) : "";
  }

  double Number(const json& j, const Where& w, double min, double max) {
    if (!j.is_number()) {
      Bad(w, std::string("expected a number, found ") + j.type_name());
      return min;
    }
    const double v = j.get<double>();
    if (!std::isfinite(v) || v < min || v > max) {
      std::ostringstream range;
      range << min << " to " << max;
      Bad(w, "a number from " + range.str() + " expected");
      return min;
    }
    return v;
  }

  double Number(const json& obj, std::string_view key, const Where& w, double min, double max, double fallback) {
    const json* j = Get(obj, key, w, false);
    return j ? Number(*j, w / key, min, max) : fallback;
  }

  // ---- texts ----

  Text ParseText(const json& j, const Where& w, const Names& names, TextMode mode) {
    Text t;
    if (j.is_string()) {
      Text::Alternative alt;
      alt.parts = ParseChecked(String(j, w), w, names, mode);
      t.alternatives.push_back(std::move(alt));
      return t;
    }
    if (!j.is_array() || j.empty()) {
      Bad(w, "expected a text: a string, or a list of {\"if\": …, \"text\": …} alternatives");
      return t;
    }
    for (std::size_t i = 0; i < j.size(); ++i) {
      const Where wi = w / i;
      if (!Keys(j[i], wi, {"if", "text"})) return t;
      Text::Alternative alt;
      if (const json* c = Get(j[i], "if", wi, false)) alt.when = ParseCond(*c, wi / "if", names);
      else if (i + 1 < j.size()) Bad(wi, "only the last alternative may go without \"if\"");
      const json* text = Get(j[i], "text", wi, true);
      if (!text) return t;
      alt.parts = ParseChecked(String(*text, wi / "text"), wi / "text", names, mode);
      t.alternatives.push_back(std::move(alt));
    }
    return t;
  }

  Text ParseText(const json& obj, std::string_view key, const Where& w, const Names& names, TextMode mode,
                 bool required) {
    const json* j = Get(obj, key, w, required);
    return j ? ParseText(*j, w / key, names, mode) : Text{};
  }

  std::optional<Cond> ParseCond(const json& j, const Where& w, const Names& names) {
    const std::string s = String(j, w);
    if (failed()) return std::nullopt;
    std::string problem;
    std::optional<Cond> c = CondParser(s).Parse(&problem);
    if (!problem.empty()) {
      Bad(w, "condition \"" + s + "\": " + problem + " (write names with not, and, or, ( ))");
      return std::nullopt;
    }
    CheckCondNames(*c, w, names);
    return c;
  }

  void set_blanks(const std::map<std::string, std::string, std::less<>>* blanks) { blanks_ = blanks; }

 private:
  void CheckCondNames(const Cond& c, const Where& w, const Names& names) {
    if (c.op != Cond::Op::kName) {
      for (const Cond& a : c.args) CheckCondNames(a, w, names);
      return;
    }
    if (!KindOf(names, c.name)) Bad(w, "unknown name \"" + c.name + "\" (known here: " + KnownNames(names) + ")");
  }

  std::vector<TextPart> ParseChecked(const std::string& s, const Where& w, const Names& names, TextMode mode) {
    std::vector<TextPart> parts;
    if (failed()) return parts;
    if (std::string problem = ParseParts(s, parts); !problem.empty()) {
      Bad(w, problem + ", in \"" + s + "\"");
      return parts;
    }
    CheckParts(parts, w, names, mode);
    if (mode == TextMode::kPlain || failed()) return parts;
    // Markup must parse whichever optional parts print: the text without them, and each alone.
    std::string outer;
    for (const TextPart& p : parts) {
      if (p.kind == TextPart::Kind::kOptional) {
        CheckMarkup(Sample(p.parts), w, s);
      } else {
        outer += Sample({p});
      }
    }
    CheckMarkup(outer, w, s);
    return parts;
  }

  void CheckParts(const std::vector<TextPart>& parts, const Where& w, const Names& names, TextMode mode) {
    for (const TextPart& p : parts) {
      if (p.kind == TextPart::Kind::kOptional) CheckParts(p.parts, w, names, mode);
      if (p.kind != TextPart::Kind::kValue) continue;
      const std::optional<ValueKind> kind = KindOf(names, p.name);
      if (!kind) {
        Bad(w, "unknown placeholder {" + p.name + "} (known here: " + KnownNames(names) + ")");
        return;
      }
      if (*kind == ValueKind::kList) {
        Bad(w, "{" + p.name + "} is a list: print it with \"each\", a table or \"notes\"");
        return;
      }
      for (const std::string& f : p.filters) {
        const bool wrap = IsWrapFilter(f);
        const bool blank = blanks_ && blanks_->count(f);
        if (!wrap && !blank) {
          std::string known = "bold, italic, code, large";
          if (blanks_)
            for (const auto& [k, v] : *blanks_) known += ", " + k;
          Bad(w, "unknown filter |" + f + " in {" + p.name + "} (known: " + known + ")");
          return;
        }
        if (wrap && mode == TextMode::kPlain) {
          Bad(w, "|" + f + " in {" + p.name + "}: this text is plain (no markup), only blanks apply");
          return;
        }
        if ((f == "code" || f == "large") && mode == TextMode::kPhrase) {
          Bad(w, "|" + f + " in {" + p.name + "}: a phrase may use bold, italic and blanks only");
          return;
        }
      }
    }
  }

  // The markup a part gives with a stand-in value, as RenderValue would wrap it.
  std::string Sample(const std::vector<TextPart>& parts) const {
    std::string out;
    for (const TextPart& p : parts) {
      if (p.kind == TextPart::Kind::kLiteral) out += p.literal;
      if (p.kind != TextPart::Kind::kValue) continue;
      std::string v = "x";
      for (const std::string& f : p.filters) {
        if (f == "code") v = "<span font_family=\"x\" weight=\"bold\">" + v + "</span>";
        if (f == "large") v = "<span size=\"10240\">" + v + "</span>";
        if (f == "bold") v = "<b>" + v + "</b>";
        if (f == "italic") v = "<i>" + v + "</i>";
      }
      out += v;
    }
    return out;
  }

  void CheckMarkup(const std::string& sample, const Where& w, const std::string& text) {
    if (const std::string problem = MarkupProblem(sample); !problem.empty())
      Bad(w, "markup pango cannot read (" + problem + ") in \"" + text +
                 "\" (write &amp; for &, &lt; for <; close every <b>, <i>, <span>)");
  }

  std::string file_, path_;
  std::optional<Error> error_;
  const std::map<std::string, std::string, std::less<>>* blanks_ = nullptr;
};

// What common.json gives every form.
struct Common {
  std::vector<std::string> motto;
  std::string page_number;
  std::map<std::string, std::string, std::less<>> blanks;
  std::map<std::string, PageSetup, std::less<>> pages;
  std::map<std::string, TypeSizes, std::less<>> sizes;
};

// Named blanks: the text a {value|name} prints when the value is missing.
void ReadBlanks(TemplateFile& f, const json& b, std::map<std::string, std::string, std::less<>>& out) {
  const Where w = Where{} / "blanks";
  if (!b.is_object()) {
    f.Bad(w, "expected an object of named blanks");
    return;
  }
  for (auto it = b.begin(); it != b.end(); ++it) {
    for (char c : it.key())
      if (!IsNameChar(c) || c == '.') f.Bad(w / it.key(), "a blank's name is letters, digits and _");
    if (IsWrapFilter(it.key())) f.Bad(w / it.key(), "\"" + it.key() + "\" is a filter's name");
    std::string text = f.String(*it, w / it.key());
    if (const std::string problem = MarkupProblem(text); !problem.empty())
      f.Bad(w / it.key(), "markup pango cannot read (" + problem + ")");
    out[it.key()] = std::move(text);
  }
}

PageSetup ParsePage(TemplateFile& f, const json& j, const Where& w) {
  PageSetup p;
  if (!f.Keys(j, w, {"width_mm", "height_mm", "margin_left_mm", "margin_right_mm", "margin_top_mm",
                     "margin_bottom_mm"}))
    return p;
  auto mm = [&](const char* key, double max) {
    const json* v = f.Get(j, key, w, true);
    return v ? f.Number(*v, w / key, 0, max) * kPtPerMm : 0.0;
  };
  p.width_pt = mm("width_mm", 2000);
  p.height_pt = mm("height_mm", 2000);
  p.margin_left_pt = mm("margin_left_mm", 200);
  p.margin_right_pt = mm("margin_right_mm", 200);
  p.margin_top_pt = mm("margin_top_mm", 200);
  p.margin_bottom_pt = mm("margin_bottom_mm", 200);
  if (!f.failed() && (p.width_pt - p.margin_left_pt - p.margin_right_pt < 20 * kPtPerMm ||
                      p.height_pt - p.margin_top_pt - p.margin_bottom_pt < 20 * kPtPerMm))
    f.Bad(w, "the margins leave less than 20 mm to print in");
  return p;
}

TypeSizes ParseSizes(TemplateFile& f, const json& j, const Where& w) {
  TypeSizes z;
  if (!f.Keys(j, w, {"header", "title", "body", "small", "large", "table"})) return z;
  auto pt = [&](const char* key) {
    const json* v = f.Get(j, key, w, true);
    return v ? f.Number(*v, w / key, 4, 72) : 0.0;
  };
  z.header = pt("header");
  z.title = pt("title");
  z.body = pt("body");
  z.small = pt("small");
  z.large = pt("large");
  z.table = pt("table");
  return z;
}

void ReadCommon(TemplateFile& f, const json& doc, Common& c) {
  if (!f.Keys(doc, {}, {"format_version", "description", "motto", "page_number", "blanks", "pages", "sizes"})) return;
  if (const json* v = f.Get(doc, "format_version", {}, true); v && (!v->is_number_integer() || *v != kTemplateFormatVersion))
    f.Bad(Where{} / "format_version", "this build reads format_version " + std::to_string(kTemplateFormatVersion));
  if (const json* m = f.Get(doc, "motto", {}, true)) {
    if (!m->is_array() || m->empty()) f.Bad(Where{} / "motto", "expected a list of lines");
    else
      for (std::size_t i = 0; i < m->size(); ++i) {
        std::string line = f.String((*m)[i], Where{} / "motto" / i);
        if (const std::string problem = MarkupProblem(line); !problem.empty() && !f.failed())
          f.Bad(Where{} / "motto" / i, "markup pango cannot read (" + problem + ")");
        c.motto.push_back(std::move(line));
      }
  }
  c.page_number = f.String(doc, "page_number", {}, true);
  if (const json* b = f.Get(doc, "blanks", {}, true)) ReadBlanks(f, *b, c.blanks);
  if (const json* p = f.Get(doc, "pages", {}, true)) {
    if (!p->is_object()) f.Bad(Where{} / "pages", "expected an object of named page setups");
    else
      for (auto it = p->begin(); it != p->end(); ++it) c.pages[it.key()] = ParsePage(f, *it, Where{} / "pages" / it.key());
  }
  if (const json* z = f.Get(doc, "sizes", {}, true)) {
    if (!z->is_object()) f.Bad(Where{} / "sizes", "expected an object of named type sizes");
    else
      for (auto it = z->begin(); it != z->end(); ++it) c.sizes[it.key()] = ParseSizes(f, *it, Where{} / "sizes" / it.key());
  }
}

// Reads one form's file into a FormTemplate, checking it against the form's schema.
class FormReader {
 public:
  FormReader(const FormSchema& schema, const Common& common, TemplateFile& f, FormTemplate& t)
      : schema_(schema), common_(common), f_(f), t_(t) {}

  const std::optional<Error>& common_error() const { return common_error_; }

  void Read(const json& doc) {
    if (!f_.Keys(doc, {}, {"format_version", "form", "description", "page", "sizes", "page_numbers", "running_title",
                           "sections", "densities", "pdf", "blanks", "phrases", "blocks"}))
      return;
    if (const json* v = f_.Get(doc, "format_version", {}, true); v && (!v->is_number_integer() || *v != kTemplateFormatVersion))
      f_.Bad(Where{} / "format_version", "this build reads format_version " + std::to_string(kTemplateFormatVersion));
    t_.motto = common_.motto;
    t_.blanks = common_.blanks;
    if (const json* b = f_.Get(doc, "blanks", {}, false)) ReadBlanks(f_, *b, t_.blanks);
    f_.set_blanks(&t_.blanks);

    const json* page = f_.Get(doc, "page", {}, true);
    if (page && page->is_string()) {
      const auto it = common_.pages.find(page->get<std::string>());
      if (it == common_.pages.end()) f_.Bad(Where{} / "page", "no page \"" + page->get<std::string>() + "\" in common.json");
      else t_.page = it->second;
    } else if (page) {
      t_.page = ParsePage(f_, *page, Where{} / "page");
    }
    const TypeSizes sizes = Sizes(doc, "sizes", Where{}, true, TypeSizes{});
    if (const json* n = f_.Get(doc, "page_numbers", {}, false)) {
      const std::string v = f_.String(*n, Where{} / "page_numbers");
      if (v == "always") t_.always_number = true;
      else if (v != "when_several") f_.Bad(Where{} / "page_numbers", "expected \"always\" or \"when_several\"");
    }

    // Densities come before the texts: their flags are names the texts may use.
    if (const json* d = f_.Get(doc, "densities", {}, false)) {
      if (!d->is_array() || d->empty()) f_.Bad(Where{} / "densities", "expected a list of densities");
      else
        for (std::size_t i = 0; i < d->size(); ++i) t_.densities.push_back(ReadDensity((*d)[i], Where{} / "densities" / i, sizes));
    } else {
      t_.densities.push_back({sizes, 1, std::nullopt, {}});
    }
    for (const Density& dz : t_.densities) flags_.insert(dz.flags.begin(), dz.flags.end());

    const Names root{&schema_.root, nullptr, &flags_, false};
    Names section = root;
    const ScopeSchema* section_items = nullptr;
    if (const json* s = f_.Get(doc, "sections", {}, false)) {
      t_.sections = f_.String(*s, Where{} / "sections");
      section_items = ListItems(root, t_.sections);
      if (!f_.failed() && !section_items) f_.Bad(Where{} / "sections", "\"" + t_.sections + "\" is not a list of this form");
      else section = Names{section_items, &root, nullptr, false};
    }
    t_.running_title = f_.ParseText(doc, "running_title", {}, section, TextMode::kMarkup, false);

    static const ScopeSchema kPageNumberNames{{{"page", ValueKind::kText}, {"pages", ValueKind::kText}}, {}};
    t_.page_number = ParseStandalone(common_.page_number, "page_number", Names{&kPageNumberNames});

    if (const json* pdf = f_.Get(doc, "pdf", {}, true); pdf && f_.Keys(*pdf, Where{} / "pdf", {"title", "subject"})) {
      t_.pdf_title = f_.ParseText(*pdf, "title", Where{} / "pdf", root, TextMode::kPlain, true);
      t_.pdf_subject = f_.ParseText(*pdf, "subject", Where{} / "pdf", root, TextMode::kPlain, false);
    }
    ReadPhrases(doc);
    if (const json* b = f_.Get(doc, "blocks", {}, true)) {
      t_.blocks = ReadBlocks(*b, Where{} / "blocks", section);
      if (t_.blocks.empty() && !f_.failed()) f_.Bad(Where{} / "blocks", "a form needs at least one block");
    }
  }

 private:
  TypeSizes Sizes(const json& obj, std::string_view key, const Where& w, bool required, const TypeSizes& fallback) {
    const json* z = f_.Get(obj, key, w, required);
    if (!z) return fallback;
    if (z->is_string()) {
      const auto it = common_.sizes.find(z->get<std::string>());
      if (it != common_.sizes.end()) return it->second;
      f_.Bad(w / key, "no sizes \"" + z->get<std::string>() + "\" in common.json");
      return fallback;
    }
    return ParseSizes(f_, *z, w / key);
  }

  Density ReadDensity(const json& j, const Where& w, const TypeSizes& form_sizes) {
    Density d;
    if (!f_.Keys(j, w, {"sizes", "spacing", "sign_space", "flags"})) return d;
    d.sizes = Sizes(j, "sizes", w, false, form_sizes);
    d.spacing = f_.Number(j, "spacing", w, 0, 5, 1);
    if (f_.Get(j, "sign_space", w, false)) d.sign_space_pt = f_.Number(j, "sign_space", w, 0, 300, 0);
    if (const json* fl = f_.Get(j, "flags", w, false)) {
      if (!fl->is_array()) f_.Bad(w / "flags", "expected a list of names");
      else
        for (std::size_t i = 0; i < fl->size(); ++i) {
          std::string name = f_.String((*fl)[i], w / "flags" / i);
          if (KindOf(Names{&schema_.root}, name))
            f_.Bad(w / "flags" / i, "\"" + name + "\" is already a name of the form");
          d.flags.push_back(std::move(name));
        }
    }
    return d;
  }

  Text ParseStandalone(const std::string& s, const char* key, const Names& names) {
    // common.json's texts: checked here, against the names they may use, but reported in that file.
    TemplateFile common(kCommonFile, f_.path().substr(0, f_.path().rfind('/') + 1) + kCommonFile);
    common.set_blanks(&t_.blanks);
    Text t = common.ParseText(json(s), Where{} / key, names, TextMode::kMarkup);
    if (common.failed() && !f_.failed() && !common_error_) common_error_ = common.error();
    return t;
  }

  void ReadPhrases(const json& doc) {
    const json* p = f_.Get(doc, "phrases", {}, !schema_.phrases.empty());
    const Where w = Where{} / "phrases";
    if (p && !p->is_object()) {
      f_.Bad(w, "expected an object of named phrases");
      return;
    }
    for (const auto& [name, args] : schema_.phrases) {
      const json* j = p ? f_.Get(*p, name, w, true) : nullptr;
      if (!j) return;
      ScopeSchema& s = phrase_schemas_[name];
      for (const std::string& a : args) s.names[a] = ValueKind::kText;
      t_.phrases[name] = f_.ParseText(*j, w / name, Names{&s, nullptr, nullptr, false}, TextMode::kPhrase);
    }
    if (p)
      for (auto it = p->begin(); it != p->end(); ++it)
        if (!schema_.phrases.count(it.key())) {
          std::string known;
          for (const auto& [k, v] : schema_.phrases) known += (known.empty() ? "" : ", ") + k;
          f_.Bad(w / it.key(), "this form uses no phrase \"" + it.key() + "\" (its phrases: " +
                                   (known.empty() ? "none" : known) + ")");
        }
  }

  std::vector<Block> ReadBlocks(const json& j, const Where& w, const Names& names) {
    std::vector<Block> out;
    if (!j.is_array()) {
      f_.Bad(w, "expected a list of blocks");
      return out;
    }
    for (std::size_t i = 0; i < j.size() && !f_.failed(); ++i) out.push_back(ReadBlock(j[i], w / i, names));
    return out;
  }

  Align ReadAlign(const json& obj, const Where& w, Align fallback) {
    const json* a = f_.Get(obj, "align", w, false);
    if (!a) return fallback;
    const std::string s = f_.String(*a, w / "align");
    if (s == "left") return Align::kLeft;
    if (s == "center") return Align::kCenter;
    if (s == "right") return Align::kRight;
    if (s == "justify") return Align::kJustify;
    f_.Bad(w / "align", "expected left, center, right or justify");
    return fallback;
  }

  SizeRef ReadSize(const json& obj, std::string_view key, const Where& w, SizeRef fallback) {
    const json* s = f_.Get(obj, key, w, false);
    if (!s) return fallback;
    if (s->is_number()) return SizeRef{"", f_.Number(*s, w / key, 4, 72)};
    const std::string role = f_.String(*s, w / key);
    if (std::find(kSizeRoles.begin(), kSizeRoles.end(), role) == kSizeRoles.end())
      f_.Bad(w / key, "expected points or one of header, title, body, small, large, table");
    return SizeRef{role, 0};
  }

  // The list `key` names, checked; its items' names for what is inside.
  const ScopeSchema* ReadList(const json& obj, std::string_view key, const Where& w, const Names& names,
                              std::string* list) {
    *list = f_.String(obj, key, w, true);
    if (f_.failed()) return nullptr;
    const ScopeSchema* items = ListItems(names, *list);
    if (!items) f_.Bad(w / key, "\"" + *list + "\" is not a list of this form");
    return items;
  }

  Block ReadBlock(const json& j, const Where& w, const Names& names) {
    Block b;
    static const std::vector<std::string_view> kKinds = {"heading", "title", "line", "paragraph", "space", "space_pt",
                                                          "item", "each", "table", "signatures", "notes", "qr_code"};
    if (!j.is_object()) {
      f_.Bad(w, "expected a block: an object such as {\"line\": \"…\"}");
      return b;
    }
    std::string kind;
    for (std::string_view k : kKinds)
      if (j.contains(std::string(k))) {
        if (!kind.empty()) {
          f_.Bad(w, "a block is one of its kinds, not both \"" + kind + "\" and \"" + std::string(k) + "\"");
          return b;
        }
        kind = k;
      }
    if (kind.empty() && j.contains("blocks")) kind = "blocks";
    if (kind.empty()) {
      f_.Bad(w, "no block kind (heading, title, line, paragraph, space, space_pt, item, each, blocks, table, "
                "signatures, notes, qr_code)");
      return b;
    }
    if (const json* c = f_.Get(j, "if", w, false)) b.when = f_.ParseCond(*c, w / "if", names);

    if (kind == "heading") {
      if (!f_.Keys(j, w, {"heading", "if"})) return b;
      const std::string v = f_.String(j, "heading", w, true);
      if (v == "with_motto") b.kind = Block::Kind::kHeadingWithMotto;
      else if (v == "issuer_only") b.kind = Block::Kind::kHeadingIssuerOnly;
      else f_.Bad(w / "heading", "expected \"with_motto\" or \"issuer_only\"");
    } else if (kind == "title") {
      if (!f_.Keys(j, w, {"title", "subtitle", "if"})) return b;
      b.kind = Block::Kind::kTitle;
      b.text = f_.ParseText(j, "title", w, names, TextMode::kMarkup, true);
      b.subtitle = f_.ParseText(j, "subtitle", w, names, TextMode::kMarkup, false);
    } else if (kind == "line") {
      if (!f_.Keys(j, w, {"line", "if"})) return b;
      b.kind = Block::Kind::kLine;
      b.text = f_.ParseText(j, "line", w, names, TextMode::kMarkup, true);
    } else if (kind == "paragraph") {
      if (!f_.Keys(j, w, {"paragraph", "align", "size", "if"})) return b;
      b.kind = Block::Kind::kParagraph;
      b.text = f_.ParseText(j, "paragraph", w, names, TextMode::kMarkup, true);
      b.align = ReadAlign(j, w, Align::kLeft);
      b.size = ReadSize(j, "size", w, SizeRef{"body"});
    } else if (kind == "space" || kind == "space_pt") {
      if (!f_.Keys(j, w, {kind, "if"})) return b;
      b.kind = kind == "space" ? Block::Kind::kSpace : Block::Kind::kSpacePt;
      b.amount = f_.Number(j[kind], w / kind, 0, kind == "space" ? 20 : 300);
    } else if (kind == "item") {
      if (!f_.Keys(j, w, {"item", "marker", "indent", "hang", "align", "size", "if"})) return b;
      b.kind = Block::Kind::kItem;
      b.text = f_.ParseText(j, "item", w, names, TextMode::kMarkup, true);
      b.marker = f_.ParseText(j, "marker", w, names, TextMode::kMarkup, false);
      b.indent_pt = f_.Number(j, "indent", w, 0, 150, 0);
      b.hang_pt = f_.Number(j, "hang", w, 0, 150, 12);
      b.align = ReadAlign(j, w, Align::kLeft);
      b.size = ReadSize(j, "size", w, SizeRef{"body"});
    } else if (kind == "each") {
      if (!f_.Keys(j, w, {"each", "blocks", "if"})) return b;
      b.kind = Block::Kind::kEach;
      const ScopeSchema* items = ReadList(j, "each", w, names, &b.list);
      if (!items) return b;
      const Names inner{items, &names, nullptr, true};
      if (const json* bl = f_.Get(j, "blocks", w, true)) b.blocks = ReadBlocks(*bl, w / "blocks", inner);
    } else if (kind == "blocks") {
      if (!f_.Keys(j, w, {"blocks", "if"})) return b;
      b.kind = Block::Kind::kGroup;
      b.blocks = ReadBlocks(j["blocks"], w / "blocks", names);
    } else if (kind == "table") {
      if (!f_.Keys(j, w, {"table", "if"})) return b;
      b.kind = Block::Kind::kTable;
      ReadTable(j["table"], w / "table", names, b.table);
    } else if (kind == "signatures") {
      if (!f_.Keys(j, w, {"signatures", "sign_space", "if"})) return b;
      b.kind = Block::Kind::kSignatures;
      const json& s = j["signatures"];
      if (!s.is_array() || s.empty()) {
        f_.Bad(w / "signatures", "expected a list of signers");
        return b;
      }
      for (std::size_t i = 0; i < s.size(); ++i) {
        const Where ws = w / "signatures" / i;
        if (!f_.Keys(s[i], ws, {"title", "hint", "name"})) return b;
        b.signers.push_back({f_.ParseText(s[i], "title", ws, names, TextMode::kMarkup, true),
                             f_.ParseText(s[i], "hint", ws, names, TextMode::kMarkup, false),
                             f_.ParseText(s[i], "name", ws, names, TextMode::kMarkup, false)});
      }
      b.sign_space_pt = f_.Number(j, "sign_space", w, 0, 300, 34);
    } else if (kind == "notes") {
      if (!f_.Keys(j, w, {"notes", "label", "marker", "if"})) return b;
      b.kind = Block::Kind::kNotes;
      const ScopeSchema* items = ReadList(j, "notes", w, names, &b.list);
      if (!items) return b;
      if (!items->names.count("text")) f_.Bad(w / "notes", "\"" + b.list + "\" is not a list of texts");
      b.text = f_.ParseText(j, "label", w, names, TextMode::kMarkup, false);
      b.marker = f_.ParseText(j, "marker", w, names, TextMode::kMarkup, false);
      if (!f_.Get(j, "marker", w, false)) b.marker = f_.ParseText(json("-"), w / "marker", names, TextMode::kMarkup);
    } else if (kind == "qr_code") {
      if (!f_.Keys(j, w, {"qr_code", "text", "caption", "if"})) return b;
      b.kind = Block::Kind::kQrCode;
      b.value = f_.String(j, "qr_code", w, true);
      if (names.in_each) {
        f_.Bad(w, "a qr_code block cannot be inside \"each\"");
        return b;
      }
      const auto v = schema_.root.names.find(b.value);
      if (!f_.failed() && (v == schema_.root.names.end() || v->second != ValueKind::kText))
        f_.Bad(w / "qr_code", "\"" + b.value + "\" is not a text of this form");
      b.text = f_.ParseText(j, "text", w, names, TextMode::kMarkup, true);
      b.caption = f_.ParseText(j, "caption", w, names, TextMode::kMarkup, false);
    }
    return b;
  }

  void ReadTable(const json& j, const Where& w, const Names& names, TableBlock& t) {
    if (!f_.Keys(j, w, {"columns", "header", "header_size", "size", "rows"})) return;
    const json* cols = f_.Get(j, "columns", w, true);
    if (!cols) return;
    if (!cols->is_array() || cols->empty()) {
      f_.Bad(w / "columns", "expected a list of columns");
      return;
    }
    for (std::size_t i = 0; i < cols->size(); ++i) {
      const json& c = (*cols)[i];
      const Where wc = w / "columns" / i;
      if (!f_.Keys(c, wc, {"width", "share", "fit", "fit_header", "align"})) return;
      Column col;
      const int ways = int(c.contains("width")) + int(c.contains("share")) + int(c.contains("fit"));
      if (ways != 1) {
        f_.Bad(wc, "a column has one of \"width\" (points), \"share\" or \"fit\" ([min, max] points)");
        return;
      }
      col.width_pt = f_.Number(c, "width", wc, 0, 2000, 0);
      col.share = f_.Number(c, "share", wc, 0, 10000, 0);
      if (const json* fit = f_.Get(c, "fit", wc, false)) {
        if (!fit->is_array() || fit->size() != 2) {
          f_.Bad(wc / "fit", "expected [min, max] in points");
          return;
        }
        col.fit = true;
        col.fit_min_pt = f_.Number((*fit)[0], wc / "fit" / 0, 1, 2000);
        col.fit_max_pt = f_.Number((*fit)[1], wc / "fit" / 1, col.fit_min_pt, 2000);
      }
      if (const json* fh = f_.Get(c, "fit_header", wc, false)) {
        if (!fh->is_boolean() || !col.fit) f_.Bad(wc / "fit_header", "true or false, for a \"fit\" column");
        else col.fit_header = fh->get<bool>();
      }
      if ((col.width_pt == 0 && !col.fit && col.share == 0) && !f_.failed()) f_.Bad(wc, "a column must have some width");
      col.align = ReadAlign(c, wc, Align::kLeft);
      t.columns.push_back(col);
    }
    // The fixed columns and the fitted ones at their narrowest must leave room on the page.
    double least = 0;
    bool shared = false;
    for (const Column& col : t.columns) {
      least += col.fit ? col.fit_min_pt : col.width_pt;
      shared = shared || col.share > 0;
    }
    const double printable = t_.page.width_pt - t_.page.margin_left_pt - t_.page.margin_right_pt;
    if (!f_.failed() && (least > printable || (shared && least >= printable)))
      f_.Bad(w / "columns", "the columns need at least " + std::to_string(int(least)) + " pt; the page has " +
                                std::to_string(int(printable)) + " pt between its margins");
    t.header_size = ReadSize(j, "header_size", w, SizeRef{"table"});
    t.size = ReadSize(j, "size", w, SizeRef{"table"});
    if (const json* h = f_.Get(j, "header", w, false)) ReadHeader(*h, w / "header", names, t);
    const json* rows = f_.Get(j, "rows", w, true);
    if (!rows) return;
    if (!rows->is_array()) {
      f_.Bad(w / "rows", "expected a list of {\"each\": list, \"cells\": [...]}");
      return;
    }
    for (std::size_t i = 0; i < rows->size(); ++i) {
      const Where wr = w / "rows" / i;
      if (!f_.Keys((*rows)[i], wr, {"each", "cells"})) return;
      RowGroup g;
      const ScopeSchema* items = ReadList((*rows)[i], "each", wr, names, &g.list);
      if (!items) return;
      const Names inner{items, &names, nullptr, true};
      const json* cells = f_.Get((*rows)[i], "cells", wr, true);
      if (!cells) return;
      if (!cells->is_array() || cells->size() != t.columns.size()) {
        f_.Bad(wr / "cells", "expected one cell per column (" + std::to_string(t.columns.size()) + ")");
        return;
      }
      for (std::size_t c = 0; c < cells->size(); ++c)
        g.cells.push_back(f_.ParseText((*cells)[c], wr / "cells" / c, inner, TextMode::kMarkup));
      t.rows.push_back(std::move(g));
    }
  }

  // Header rows as in HTML: each row lists its cells left to right, skipping places a cell above
  // still covers; a cell is a text or {"text": …, "columns": n, "rows": n}.
  void ReadHeader(const json& h, const Where& w, const Names& names, TableBlock& t) {
    if (!h.is_array() || h.empty()) {
      f_.Bad(w, "expected a list of header cells, or a list of rows of them");
      return;
    }
    const bool rows = h[0].is_array();
    const std::size_t n_rows = rows ? h.size() : 1;
    const int n_cols = int(t.columns.size());
    std::vector<std::vector<bool>> taken(n_rows, std::vector<bool>(n_cols, false));
    for (std::size_t r = 0; r < n_rows; ++r) {
      const json& row = rows ? h[r] : h;
      const Where wr = rows ? w / r : w;
      if (!row.is_array()) {
        f_.Bad(wr, "expected a row: a list of header cells");
        return;
      }
      int col = 0;
      for (std::size_t i = 0; i < row.size(); ++i) {
        const Where wc = wr / i;
        HeaderCell cell;
        if (row[i].is_object()) {
          if (!f_.Keys(row[i], wc, {"text", "columns", "rows"})) return;
          cell.text = f_.ParseText(row[i], "text", wc, names, TextMode::kMarkup, true);
          cell.col_span = int(f_.Number(row[i], "columns", wc, 1, n_cols, 1));
          cell.row_span = int(f_.Number(row[i], "rows", wc, 1, double(n_rows), 1));
        } else {
          cell.text = f_.ParseText(row[i], wc, names, TextMode::kMarkup);
        }
        while (col < n_cols && taken[r][col]) ++col;
        if (col + cell.col_span > n_cols || r + cell.row_span > n_rows) {
          f_.Bad(wc, "this header cell runs past the table's " + std::to_string(n_cols) + " columns or " +
                         std::to_string(n_rows) + " header rows");
          return;
        }
        for (std::size_t rr = r; rr < r + std::size_t(cell.row_span); ++rr)
          for (int cc = col; cc < col + cell.col_span; ++cc) taken[rr][cc] = true;
        cell.col = col;
        cell.row = int(r);
        col += cell.col_span;
        t.header.push_back(std::move(cell));
      }
    }
    for (std::size_t r = 0; r < n_rows; ++r)
      for (int c = 0; c < n_cols; ++c)
        if (!taken[r][c]) {
          f_.Bad(w, "header row " + std::to_string(r + 1) + " leaves column " + std::to_string(c + 1) + " empty");
          return;
        }
    t.header_rows = int(n_rows);
  }

  const FormSchema& schema_;
  const Common& common_;
  TemplateFile& f_;
  FormTemplate& t_;
  std::set<std::string> flags_;
  std::map<std::string, ScopeSchema, std::less<>> phrase_schemas_;
  std::optional<Error> common_error_;  // a problem in a text of common.json, found while reading the form
};

}  // namespace

Result<std::shared_ptr<const FormTemplate>> ReadTemplate(const FormSchema& schema, const std::string& dir) {
  TemplateFile cf(kCommonFile, dir + "/" + kCommonFile);
  json common_doc;
  if (!cf.Read(&common_doc)) return cf.error();
  Common common;
  ReadCommon(cf, common_doc, common);
  if (cf.failed()) return cf.error();

  TemplateFile f(schema.file, dir + "/" + schema.file);
  json doc;
  if (!f.Read(&doc)) return f.error();
  auto t = std::make_shared<FormTemplate>();
  t->file = schema.file;
  t->path = f.path();
  FormReader reader(schema, common, f, *t);
  reader.Read(doc);
  if (f.failed()) return f.error();
  if (reader.common_error()) return *reader.common_error();
  return std::shared_ptr<const FormTemplate>(std::move(t));
}

}  // namespace motcua::print::internal
