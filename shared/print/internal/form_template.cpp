// Form templates: the values a form gives (Scope, FormData), the per-process cache of loaded
// templates, phrases, and rendering texts. Reading and checking the files is
// form_template_reader.cpp's; the layout of the blocks is form_layout.cpp's.
#include "print/internal/form_template.h"

#include <cstdlib>
#include <mutex>

#include "common/text.h"
#include "print/internal/form_template_format.h"

#ifndef MOTCUA_DEFAULT_ASSETS_DIR
#define MOTCUA_DEFAULT_ASSETS_DIR "/usr/share/motcua"
#endif

namespace motcua::print::internal {

// ---- Values --------------------------------------------------------------------------------------

Scope::Scope(const ScopeSchema* schema, std::optional<Error>* error, std::string field_prefix)
    : schema_(schema), error_(error), field_prefix_(std::move(field_prefix)) {}

void Scope::Fail(Error e) {
  if (!*error_) *error_ = std::move(e);
}

Scope::Value& Scope::Slot(std::string_view name, ValueKind kind) {
  const auto it = schema_->names.find(name);
  MOTCUA_ASSERT(it != schema_->names.end() && it->second == kind,
                "a form sets a name its FormSchema does not declare with that kind (form_pdf.cpp)");
  Value& v = values_[std::string(name)];
  v.kind = kind;
  return v;
}

const std::string& Scope::Text(std::string_view name, std::string_view raw, std::string field) {
  Value& v = Slot(name, ValueKind::kText);
  v.field = !field.empty() ? std::move(field)
            : field_prefix_.empty() ? std::string(name)
                                    : field_prefix_ + "." + std::string(name);
  v.is_markup = false;
  if (!IsValidUtf8(raw)) {
    Fail(Invalid(v.field, "bad_utf8", v.field + " is not valid UTF-8"));
    v.text.clear();
  } else {
    v.text = NormalizeNfc(raw);
  }
  return v.text;
}

void Scope::Markup(std::string_view name, std::string markup) {
  Value& v = Slot(name, ValueKind::kText);
  v.text = std::move(markup);
  v.is_markup = true;
}

void Scope::Flag(std::string_view name, bool on) { Slot(name, ValueKind::kFlag).flag = on; }

void Scope::List(std::string_view name) { Slot(name, ValueKind::kList); }

Scope& Scope::Add(std::string_view list, std::string field_prefix) {
  Value& v = Slot(list, ValueKind::kList);
  const auto item_schema = schema_->lists.find(list);
  MOTCUA_ASSERT(item_schema != schema_->lists.end(), "a list's item names must be declared (FormSchema::lists)");
  const std::size_t i = v.items.size();
  if (field_prefix.empty()) field_prefix = std::string(list) + "[" + std::to_string(i) + "]";
  Scope& item = v.items.emplace_back(&item_schema->second, error_, std::move(field_prefix));
  item.Text("n", std::to_string(i + 1));
  return item;
}

void Scope::TextList(std::string_view list, const std::vector<std::string>& texts, const std::string& field) {
  List(list);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const std::string f = field + "[" + std::to_string(i) + "]";
    Add(list, f).Text("text", texts[i], f);
  }
}

void Scope::Required(std::string_view name) {
  const Value* v = Find(name);
  MOTCUA_ASSERT(v && v->kind == ValueKind::kText, "Required() names a text the form has set");
  if (Trim(v->text).empty()) Fail(Invalid(v->field, "required", v->field + " must not be empty"));
}

void Scope::NonEmpty(std::string_view list, const std::string& field) {
  const Value* v = Find(list);
  if (!v || v->items.empty()) Fail(Invalid(field, "required", field + " must list at least one entry"));
}

const std::string& Scope::Get(std::string_view name) const {
  static const std::string kNone;
  const Value* v = Find(name);
  return v ? v->text : kNone;
}

std::vector<Scope>& Scope::ItemsOf(std::string_view list) {
  const auto it = values_.find(list);
  MOTCUA_ASSERT(it != values_.end() && it->second.kind == ValueKind::kList, "ItemsOf() names a list the form has set");
  return it->second.items;
}

const Scope::Value* Scope::Find(std::string_view name) const {
  const auto it = values_.find(name);
  return it == values_.end() ? nullptr : &it->second;
}

FormData::FormData(const FormSchema& schema) : root_(&schema.root, &error_, "") {}

void FormData::SetHeader(const FormHeader& h) {
  root_.Text("header.governing_body", h.governing_body);
  root_.Text("header.agency", h.agency);
  root_.Text("header.unit", h.unit);
  root_.Text("header.document_number", h.document_number);
  const std::string& place = root_.Text("header.place", h.place);
  root_.Text("header.date", FormatPlaceDate(place, h.dated_on));
}

void FormData::AtLeast(int value, int min, const std::string& field) {
  if (value < min)
    Fail(Invalid(field, "out_of_range",
                 field + " must be at least " + std::to_string(min) + ", got " + std::to_string(value)));
}

void FormData::Fail(Error e) {
  if (!error_) error_ = std::move(e);
}

std::string FormsDirectory(const PdfOptions& options) {
  if (!options.forms_dir.empty()) return options.forms_dir;
  if (const char* env = std::getenv("MOTCUA_ASSETS_DIR"); env && *env) return std::string(env) + "/forms";
  return std::string(MOTCUA_DEFAULT_ASSETS_DIR) + "/forms";
}

// ---- Rendering texts -------------------------------------------------------------------------------

bool IsWrapFilter(std::string_view f) { return f == "bold" || f == "italic" || f == "code" || f == "large"; }

double SizeRef::In(const TypeSizes& z) const {
  if (role.empty()) return pt;
  if (role == "header") return z.header;
  if (role == "title") return z.title;
  if (role == "small") return z.small;
  if (role == "large") return z.large;
  if (role == "table") return z.table;
  return z.body;
}

namespace {

struct Found {
  ValueKind kind = ValueKind::kText;
  const std::string* text = nullptr;
  bool is_markup = false;
  bool flag = false;
  const std::vector<Scope>* items = nullptr;
};

std::optional<Found> Lookup(const Ctx& ctx, std::string_view name) {
  for (const Ctx* c = &ctx; c; c = c->parent) {
    if (c->args)
      for (const auto& [key, value] : *c->args)
        if (key == name) return Found{ValueKind::kText, &value};
    if (c->scope)
      if (const Scope::Value* v = c->scope->Find(name))
        return Found{v->kind, &v->text, v->is_markup, v->flag, &v->items};
    if (c->flags)
      for (const std::string& f : *c->flags)
        if (f == name) return Found{ValueKind::kFlag, nullptr, false, true};
  }
  return std::nullopt;
}

bool IsPresent(const std::optional<Found>& f) {
  if (!f) return false;
  switch (f->kind) {
    case ValueKind::kText: return !f->text->empty();
    case ValueKind::kFlag: return f->flag;
    case ValueKind::kList: return !f->items->empty();
  }
  return false;
}

// A present value with its filters: escaped (markup) and wrapped; an absent one: its blank, if any.
std::string RenderValue(const TextPart& p, const Ctx& ctx, const TextEnv& env, bool markup, bool* present) {
  const std::optional<Found> f = Lookup(ctx, p.name);
  *present = IsPresent(f);
  if (!*present) {
    for (const std::string& filter : p.filters)
      if (!IsWrapFilter(filter)) {
        const auto blank = env.tpl->blanks.find(filter);
        if (blank != env.tpl->blanks.end()) return blank->second;
      }
    return "";
  }
  if (f->kind != ValueKind::kText) return "";
  if (!markup) return *f->text;
  std::string out = f->is_markup ? *f->text : Esc(*f->text);
  bool code = false, large = false, bold = false, italic = false;
  for (const std::string& filter : p.filters) {
    code = code || filter == "code";
    large = large || filter == "large";
    bold = bold || filter == "bold";
    italic = italic || filter == "italic";
  }
  if (code || large) {
    std::string attrs;
    if (code) attrs += " font_family=\"" + Esc(env.code_font) + "\"";
    if (large) attrs += " size=\"" + std::to_string(int(env.large_pt * 1024)) + "\"";
    if (code) attrs += " weight=\"bold\"";
    out = "<span" + attrs + ">" + out + "</span>";
  }
  if (bold) out = "<b>" + out + "</b>";
  if (italic) out = "<i>" + out + "</i>";
  return out;
}

std::string RenderParts(const std::vector<TextPart>& parts, const Ctx& ctx, const TextEnv& env, bool markup,
                        bool* all_present) {
  std::string out;
  for (const TextPart& p : parts) {
    switch (p.kind) {
      case TextPart::Kind::kLiteral: out += p.literal; break;
      case TextPart::Kind::kValue: {
        bool present = false;
        out += RenderValue(p, ctx, env, markup, &present);
        *all_present = *all_present && present;
        break;
      }
      case TextPart::Kind::kOptional: {
        bool inner = true;
        std::string s = RenderParts(p.parts, ctx, env, markup, &inner);
        if (inner) out += s;
        break;
      }
    }
  }
  return out;
}

}  // namespace

bool Present(const Ctx& ctx, std::string_view name) { return IsPresent(Lookup(ctx, name)); }

bool Holds(const Cond& c, const Ctx& ctx) {
  switch (c.op) {
    case Cond::Op::kName: return Present(ctx, c.name);
    case Cond::Op::kNot: return !Holds(c.args[0], ctx);
    case Cond::Op::kAnd:
      for (const Cond& a : c.args)
        if (!Holds(a, ctx)) return false;
      return true;
    case Cond::Op::kOr:
      for (const Cond& a : c.args)
        if (Holds(a, ctx)) return true;
      return false;
  }
  return false;
}

std::string RenderText(const Text& text, const Ctx& ctx, const TextEnv& env, bool markup) {
  for (const Text::Alternative& alt : text.alternatives) {
    if (alt.when && !Holds(*alt.when, ctx)) continue;
    bool all = true;
    return RenderParts(alt.parts, ctx, env, markup, &all);
  }
  return "";
}

const std::vector<Scope>* Items(const Ctx& ctx, std::string_view name) {
  const std::optional<Found> f = Lookup(ctx, name);
  return f && f->kind == ValueKind::kList ? f->items : nullptr;
}

// ---- Loading: the file reading and checks are form_template_reader.cpp's ReadTemplate -----------------

FormSchema CompleteSchema(FormSchema schema) {
  for (const char* name : {"header.governing_body", "header.agency", "header.unit", "header.document_number",
                           "header.place", "header.date"})
    schema.root.names[name] = ValueKind::kText;
  struct AddNumbers {
    void operator()(ScopeSchema& s) const {
      for (auto& [name, items] : s.lists) {
        s.names[name] = ValueKind::kList;
        items.names["n"] = ValueKind::kText;
        (*this)(items);
      }
    }
  };
  AddNumbers{}(schema.root);
  return schema;
}

Result<std::shared_ptr<const FormTemplate>> LoadFormTemplate(const FormSchema& schema, const std::string& forms_dir) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const FormTemplate>> cache;
  const std::string key = forms_dir + "/" + schema.file;
  const std::lock_guard<std::mutex> lock(mutex);
  if (const auto it = cache.find(key); it != cache.end()) return it->second;
  MOTCUA_ASSIGN_OR_RETURN(std::shared_ptr<const FormTemplate> t, ReadTemplate(schema, forms_dir));
  cache.emplace(key, t);
  return t;
}

namespace {

std::string RenderPhrase(const FormTemplate& t, std::string_view name, const PhraseArgs& args, bool markup) {
  const auto it = t.phrases.find(name);
  MOTCUA_ASSERT(it != t.phrases.end(), "a form uses a phrase its FormSchema does not list");
  const Ctx ctx{nullptr, &args, nullptr, nullptr};
  const TextEnv env{&t, "", 0};
  return RenderText(it->second, ctx, env, markup);
}

}  // namespace

std::string Phrase(const FormTemplate& t, std::string_view name, const PhraseArgs& args) {
  return RenderPhrase(t, name, args, true);
}

std::string PhraseText(const FormTemplate& t, std::string_view name, const PhraseArgs& args) {
  return RenderPhrase(t, name, args, false);
}

}  // namespace motcua::print::internal
