// Form templates: the wording and layout of every official form as data (assets/forms/*.json, the
// format in assets/forms/README.md), and the one engine that prints any of them. Private to
// motcua_print: form_pdf.cpp gives each form's data to its template (a FormSchema says which names
// a form provides, a FormData holds their values) and the engine lays the template out with
// pdf_canvas.h. Law is data (architecture.md rule 4): a form's legal wording follows a new circular
// by editing its file, without a rebuild.
//
// Where templates are: <assets>/forms/, assets being $MOTCUA_ASSETS_DIR if set, else the built-in
// path MOTCUA_DEFAULT_ASSETS_DIR (or PdfOptions::forms_dir when given). common.json there holds what
// every form shares (the national motto, blanks, paper sizes, type sizes).
//
// Loading: a template is read, checked against its form's schema (every {placeholder}, condition,
// list and phrase must be one the form provides; all markup must parse) and compiled once per
// process per directory, under a mutex, so any thread may print. A failed load is not remembered:
// the next print tries again (an administrator may have fixed the file meanwhile).
// Errors (each names the file, and the JSON Pointer of the value at fault or the line of a syntax
// error, in `field` and `detail`):
//   kNotFound/"form_template"  the file (or common.json) is missing or unreadable; field = file name;
//   kInvalid/"bad_template"    not JSON, an unknown or missing key, a wrong type, an unknown
//                              placeholder, filter, list or phrase, markup pango rejects;
//                              field = "<file>#<pointer>" (or "<file>:<line>" for a syntax error).
//
// Escaping: a value a form provides is text, and the engine escapes it for pango markup
// wherever it is inserted (Esc), so a name with '<' or '&' prints as typed and cannot add markup.
// Only template text (written by an administrator) and phrases the program assembles from template
// text and escaped values are markup.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "print/form_pdf.h"

namespace motcua::print::internal {

// ---- What a form provides --------------------------------------------------------------------

enum class ValueKind {
  kText,  // text (escaped where inserted) or markup assembled by the program; {name} inserts it
  kFlag,  // yes/no: used in "if" conditions and inside [optional parts]; inserts nothing
  kList,  // a list of items, each with names of its own: "each", table rows, "notes", "sections"
};

// The names a template may use in one scope. A list's items see their own names, then the names of
// the scopes around them; every list item also has {n}, its number from 1.
struct ScopeSchema {
  std::map<std::string, ValueKind, std::less<>> names;
  std::map<std::string, ScopeSchema, std::less<>> lists;  // the item names of each kList name
};

struct FormSchema {
  std::string file;  // "mau01_receipt.json", in the forms directory
  // The form's names. Every form also has header.governing_body, header.agency, header.unit,
  // header.document_number, header.place and header.date (the place and date line), which the
  // "heading" block prints (SetHeader).
  ScopeSchema root;
  // Phrases the program needs from the template's "phrases", each with the placeholders it may use.
  std::map<std::string, std::vector<std::string>, std::less<>> phrases;
};

// `schema` with the names every form has: the header.* texts, and {n} in every list's items; every
// name of `lists` becomes a kList name.
FormSchema CompleteSchema(FormSchema schema);

// Values for one scope. Text is checked (valid UTF-8, else kInvalid/"bad_utf8" on its field) and
// stored in NFC. A name must be in the scope's schema (MOTCUA_ASSERT: a binder and its schema must
// agree). The first error any scope records is kept in the FormData.
class Scope {
 public:
  Scope(const ScopeSchema* schema, std::optional<Error>* error, std::string field_prefix);

  // Stores `raw` as text; `field` names it in errors (default: the prefix and name, e.g.
  // "components[2].name"). Returns the stored (NFC) text; "" when `raw` is not UTF-8.
  const std::string& Text(std::string_view name, std::string_view raw, std::string field = "");
  // Stores markup the program assembled (from phrases and Esc()aped values): inserted as is.
  void Markup(std::string_view name, std::string markup);
  void Flag(std::string_view name, bool on);
  // Declares list `name` (empty) and returns it; Add appends an item. An item reference stays valid
  // until the next Add to the same list.
  void List(std::string_view name);
  Scope& Add(std::string_view list, std::string field_prefix = "");
  // A list of plain texts, each item's {text}; fields "<field>[i]".
  void TextList(std::string_view list, const std::vector<std::string>& texts, const std::string& field);

  // kInvalid/"required" on the value's field when it is empty or only white space.
  void Required(std::string_view name);
  // kInvalid/"required" when list `name` has no items ("<field> must list at least one entry").
  void NonEmpty(std::string_view list, const std::string& field);

  // The stored text of `name`; "" if unset.
  const std::string& Get(std::string_view name) const;
  // The items of list `name` (declared with List or Add), to add to them.
  std::vector<Scope>& ItemsOf(std::string_view list);

  struct Value {
    ValueKind kind = ValueKind::kText;
    std::string text;
    bool is_markup = false;
    bool flag = false;
    std::string field;
    std::vector<Scope> items;
  };
  const Value* Find(std::string_view name) const;

 private:
  Value& Slot(std::string_view name, ValueKind kind);
  void Fail(Error e);

  const ScopeSchema* schema_;
  std::optional<Error>* error_;
  std::string field_prefix_;  // "" at the root, "components[2]" in an item
  std::map<std::string, Value, std::less<>> values_;
};

// One form's data for its template.
class FormData {
 public:
  explicit FormData(const FormSchema& schema);
  FormData(const FormData&) = delete;
  FormData& operator=(const FormData&) = delete;

  Scope& root() { return root_; }
  const Scope& root() const { return root_; }
  // The header.* names of every form (the heading block's data).
  void SetHeader(const FormHeader& header);
  // kInvalid/"out_of_range" when value < min.
  void AtLeast(int value, int min, const std::string& field);
  // Records `e` unless an error is already recorded.
  void Fail(Error e);
  bool ok() const { return !error_; }
  Status status() const { return error_ ? Status(*error_) : Ok(); }

  std::string pdf_date;  // the PDF's creation date, "YYYY-MM-DDThh:mm:ss+07:00"; "" = none

 private:
  std::optional<Error> error_;
  Scope root_;
};

// ---- Templates -------------------------------------------------------------------------------

class FormTemplate;

// The forms directory for `options`: options.forms_dir, else $MOTCUA_ASSETS_DIR/forms, else the
// built-in assets directory's forms/.
std::string FormsDirectory(const PdfOptions& options);

// The template of `schema.file` in `forms_dir`, loaded and checked on first use (see the top).
Result<std::shared_ptr<const FormTemplate>> LoadFormTemplate(const FormSchema& schema, const std::string& forms_dir);

// Phrase `name` of the template (one the schema lists) with `args` for its placeholders: markup, the
// args escaped. PhraseText: the same as plain text (args as given), for a value the form then
// stores with Scope::Text.
using PhraseArgs = std::vector<std::pair<std::string, std::string>>;
std::string Phrase(const FormTemplate& t, std::string_view name, const PhraseArgs& args = {});
std::string PhraseText(const FormTemplate& t, std::string_view name, const PhraseArgs& args = {});

// Lays the template out with `data`: the PDF. Errors: a QR value too long for a QR code
// (kInvalid/"text_too_long" on the value's field), kUnavailable/"pdf_render_failed".
Result<PdfDocument> RenderForm(const FormTemplate& t, const FormData& data, const PdfOptions& options);

}  // namespace motcua::print::internal
