// A form template once loaded (form_template.cpp reads assets/forms/*.json into these) and the text
// rendering the loader's checks and the layout (form_layout.cpp) share. Private to motcua_print.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "print/internal/form_template.h"
#include "print/internal/pdf_canvas.h"

namespace motcua::print::internal {

// Type sizes in points for one paper size (assets/forms/common.json "sizes").
struct TypeSizes {
  double header = 0;  // the heading
  double title = 0;
  double body = 0;
  double small = 0;   // notes, hints, running titles, page numbers
  double large = 0;   // the {…|large} filter: the receipt's dossier code
  double table = 0;
};

// A size as a template gives it: a role of TypeSizes ("body") or points.
struct SizeRef {
  std::string role;  // "" = pt
  double pt = 0;
  double In(const TypeSizes& z) const;
};

// A condition: a name (true when its value is present), not, and, or.
struct Cond {
  enum class Op { kName, kNot, kAnd, kOr };
  Op op = Op::kName;
  std::string name;
  std::vector<Cond> args;
};

// A piece of a text: literal markup, a {placeholder}, or an [optional part].
struct TextPart {
  enum class Kind { kLiteral, kValue, kOptional };
  Kind kind = Kind::kLiteral;
  std::string literal;
  std::string name;
  std::vector<std::string> filters;
  std::vector<TextPart> parts;  // kOptional
};

// A text: one alternative, or several each with a condition (the first that holds prints).
struct Text {
  struct Alternative {
    std::optional<Cond> when;
    std::vector<TextPart> parts;
  };
  std::vector<Alternative> alternatives;  // empty = no text
};

struct Column {
  double width_pt = 0;  // > 0: fixed
  double share = 0;     // > 0: a share of what the fixed and fitted columns leave
  bool fit = false;     // as wide as its widest cell, within [fit_min_pt, fit_max_pt]
  double fit_min_pt = 0, fit_max_pt = 0;
  bool fit_header = false;  // the header cell counts among the cells
  Align align = Align::kLeft;
};

struct HeaderCell {
  Text text;
  int col = 0, col_span = 1, row = 0, row_span = 1;
};

struct RowGroup {
  std::string list;         // one row per item
  std::vector<Text> cells;  // one per column
};

struct TableBlock {
  std::vector<Column> columns;
  std::vector<HeaderCell> header;  // in the order the template lists them, row by row
  int header_rows = 0;
  SizeRef header_size{"table"};
  SizeRef size{"table"};
  std::vector<RowGroup> rows;
};

struct Signer {
  Text title, hint, name;
};

struct Block {
  enum class Kind {
    kHeadingWithMotto, kHeadingIssuerOnly, kTitle, kLine, kParagraph, kSpace, kSpacePt, kItem, kEach,
    kGroup, kTable, kSignatures, kNotes, kQrCode,
  };
  Kind kind = Kind::kLine;
  std::optional<Cond> when;
  Text text;      // title, line, paragraph, item, qr_code's text, notes' label
  Text subtitle;  // title
  Text marker;    // item, notes
  Text caption;   // qr_code
  SizeRef size{"body"};
  Align align = Align::kLeft;
  double indent_pt = 0, hang_pt = 0;
  double amount = 0;  // space: times the body size; space_pt: points
  std::string list;   // each, notes
  std::string value;  // qr_code: the name whose text the QR holds
  std::vector<Block> blocks;  // each, group
  TableBlock table;
  std::vector<Signer> signers;
  double sign_space_pt = 0;
};

struct Density {
  TypeSizes sizes;
  double spacing = 1;                  // scales "space" blocks and the space around titles, QR, signatures
  std::optional<double> sign_space_pt; // replaces every signatures block's sign_space
  std::vector<std::string> flags;      // names that are set (yes) in this density
};

class FormTemplate {
 public:
  std::string file;  // "mau01_receipt.json"
  std::string path;  // as opened
  PageSetup page;
  bool always_number = false;  // "Trang n/N" on every page, not only in a section of several pages
  Text running_title;
  Text page_number;            // common.json: "Trang {page}/{pages}"
  std::string sections;        // a list: one section per item; "" = one section
  std::vector<Density> densities;  // at least one
  Text pdf_title, pdf_subject;
  std::vector<std::string> motto;  // markup lines
  std::map<std::string, std::string, std::less<>> blanks;
  std::map<std::string, Text, std::less<>> phrases;
  std::vector<Block> blocks;
};

// Reads `schema.file` (and common.json) in `dir` and checks it (form_template_reader.cpp); the
// errors of LoadFormTemplate. Not cached: LoadFormTemplate is the cache.
Result<std::shared_ptr<const FormTemplate>> ReadTemplate(const FormSchema& schema, const std::string& dir);

// ---- Rendering texts ---------------------------------------------------------------------------

// bold, italic, code, large: the filters that format a value (the others name blanks).
bool IsWrapFilter(std::string_view filter);

// Where a text finds its values: a scope (or phrase arguments) and the scopes around it.
struct Ctx {
  const Scope* scope = nullptr;
  const PhraseArgs* args = nullptr;
  const Ctx* parent = nullptr;
  const std::vector<std::string>* flags = nullptr;  // the density's, at the outermost level
};

// What the filters need besides the values.
struct TextEnv {
  const FormTemplate* tpl = nullptr;
  std::string code_font;
  double large_pt = 0;
};

// True when `name` has a value: text not empty, a flag set, a list with items.
bool Present(const Ctx& ctx, std::string_view name);
bool Holds(const Cond& cond, const Ctx& ctx);
// `markup`: values escaped and filters applied; false: plain text (values as they are, no markup).
std::string RenderText(const Text& text, const Ctx& ctx, const TextEnv& env, bool markup = true);
// The items of list `name`, or nullptr.
const std::vector<Scope>* Items(const Ctx& ctx, std::string_view name);

}  // namespace motcua::print::internal
