# SPDX-License-Identifier: MIT
"""doxygen2man.py - man pages in the man-pages(7) layout from Doxygen's XML.

Usage: python3 doxygen2man.py XMLDIR OUTDIR VERSION HEADER

Reads the XML that doxygen writes for oldbuffer.h, its groups (one per
legacy function) and the porting guide, and writes into OUTDIR:

- NAME.3 for each group: NAME, LIBRARY, SYNOPSIS, DESCRIPTION, RETURN
  VALUE, ERRORS, ATTRIBUTES, HISTORY, NOTES, EXAMPLES, SEE ALSO, from the
  function's documentation: its text, @param, @retval, @exception (and an
  "Errors" paragraph), @warning, @note and other @par paragraphs (among
  them "Attributes", "History" and "Example") and @see;
- a page that .so's it for each other name in the group;
- oldbuffer.h.3 from the file's documentation, with its documented macros,
  and a page that .so's it for each macro;
- pyoldbuf-porting.3 from the guide, one subsection per @section (of the
  other pages, only those named pyoldbuf-* become man pages).

The header's comments are the one source: nothing here describes the
library.  The date is SOURCE_DATE_EPOCH's, or else the mtime of HEADER
(oldbuffer.h), so that two builds of one source give the same pages.
Prints the names of the pages it wrote.  Runs on Python 3.6 and later.
"""

import os
import re
import sys
import time
import xml.etree.ElementTree as ET

SYNOPSIS_INCLUDES = ("#define PY_SSIZE_T_CLEAN", "#include <Python.h>",
                     "#include <oldbuffer.h>")
LIBRARY = (r"libpyoldbuf (\fIlibpyoldbuf\fR, \fI\-lpyoldbuf\fR;"
           r" \fIpkg\-config oldbuffer\fR),"
           "\n"
           r"or none in header\-only mode (\fBPYOLDBUF_HEADER_ONLY\fR,"
           r" see \fBoldbuffer.h\fR(3))")
LINK_LINE = (r"Compile and link with \fIcc\fR ... \fB$(python3\-config"
             r" \-\-includes) $(pkg\-config \-\-cflags \-\-libs"
             r" oldbuffer)\fR.")


def escape(text):
    """Text as roff, for use inside a line."""
    return text.replace("\\", "\\e").replace("-", "\\-")


class Roff:
    """Turns doxygen's description markup into man(7) requests."""

    def __init__(self):
        self.lines = []

    def request(self, line):
        self.lines.append(line)

    def text(self, line):
        """A line of running text; one that starts with . or ' is kept."""
        line = re.sub(r"[ \t\n]+", " ", line).strip()
        if line:
            if line[0] in ".'":
                line = "\\&" + line
            self.lines.append(line)

    def inline(self, node):
        """The inline content of node, as roff text on one line."""
        out = [escape(node.text or "")]
        for child in node:
            out.append(self.inline_element(child))
            out.append(escape(child.tail or ""))
        return "".join(out)

    def inline_element(self, node):
        tag = node.tag
        if tag in ("computeroutput", "bold", "ref"):
            # \\% : code and names are not hyphenated.
            return "\\fB\\%" + self.inline(node) + "\\fR"
        if tag == "emphasis":
            return "\\fI" + self.inline(node) + "\\fR"
        if tag == "sp":
            return " "
        if tag == "linebreak":
            return "\n.br\n"
        if tag in ("ndash", "mdash"):
            # Doxygen's reading of "--" and "---", which are options here.
            return "\\-\\-" if tag == "ndash" else "\\-\\-\\-"
        # Blocks inside a paragraph are written by para(): nothing here.
        if tag in BLOCKS:
            return ""
        return self.inline(node)

    def para(self, node, first=True, sep=".PP"):
        """A <para>: its text, then its blocks, each in order; sep before
        it unless it is the first."""
        if not first:
            self.request(sep)
        chunk = [escape(node.text or "")]
        for child in node:
            if child.tag in BLOCKS:
                self.text("".join(chunk))
                chunk = []
                self.block(child)
                self.request(".PP")
            else:
                chunk.append(self.inline_element(child))
            chunk.append(escape(child.tail or ""))
        self.text("".join(chunk))

    def paras(self, nodes, sep=".PP"):
        for i, node in enumerate(nodes):
            self.para(node, first=(i == 0), sep=sep)

    def block(self, node):
        if node.tag == "programlisting":
            self.code(code_lines(node))
        elif node.tag in ("itemizedlist", "orderedlist"):
            for n, item in enumerate(node.findall("listitem"), 1):
                bullet = "\\(bu" if node.tag == "itemizedlist" else "%d." % n
                self.request(".IP %s 3" % bullet)
                self.paras(item.findall("para"))
        # parameterlist and simplesect go to sections of their own.

    def code(self, lines):
        self.request(".PP")
        self.request(".in +4n")
        self.request(".EX")
        for line in lines:
            line = escape(line.rstrip())
            if line[:1] in (".", "'"):
                line = "\\&" + line
            self.lines.append(line)
        self.request(".EE")
        self.request(".in")

    def tagged(self, tag, nodes):
        """A .TP entry: tag in bold, then the paragraphs."""
        self.request(".TP")
        self.request(".B " + quote(tag))
        self.paras(nodes, sep=".IP")


BLOCKS = ("programlisting", "itemizedlist", "orderedlist", "parameterlist",
          "simplesect")


def quote(arg):
    return '"' + arg.replace('"', '\\(dq') + '"' if " " in arg else arg


def code_lines(listing):
    lines = []
    for codeline in listing.findall("codeline"):
        lines.append("".join(flatten(codeline)))
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def flatten(node):
    """The plain text of node: <sp/> as a space, markup dropped."""
    out = [node.text or ""]
    for child in node:
        out.append(" " if child.tag == "sp" else "".join(flatten(child)))
        out.append(child.tail or "")
    return out


def plain(node):
    return re.sub(r"\s+", " ", "".join(flatten(node))).strip() \
        if node is not None else ""


class Description:
    """A detaileddescription, sorted into the parts a man page puts apart."""

    def __init__(self, node):
        self.body = []          # paragraphs of running text
        self.params = []        # (name, [para])
        self.retvals = []
        self.exceptions = []
        self.notes = []         # (title or None, [para])
        self.examples = []      # [para]
        self.errors = []        # [para] of an "Errors" paragraph
        self.attributes = []    # [para] of an "Attributes" paragraph
        self.history = []       # [para] of a "History" paragraph
        self.see = []           # [para]
        for para in node.findall("para"):
            self.sort(para)

    def sort(self, para):
        rest = ET.Element("para")
        rest.text = para.text
        for child in para:
            if child.tag == "parameterlist":
                items = [(plain(item.find("parameternamelist")),
                          item.find("parameterdescription").findall("para"))
                         for item in child.findall("parameteritem")]
                {"param": self.params, "retval": self.retvals,
                 "exception": self.exceptions}[child.get("kind")] \
                    .extend(items)
            elif child.tag == "simplesect":
                self.simplesect(child)
            else:
                rest.append(child)
                continue
            # The text after a moved block stays with the paragraph.
            if child.tail and child.tail.strip():
                if len(rest):
                    rest[-1].tail = (rest[-1].tail or "") + child.tail
                else:
                    rest.text = (rest.text or "") + child.tail
        if (rest.text or "").strip() or len(rest):
            self.body.append(rest)

    def simplesect(self, node):
        kind = node.get("kind")
        title = plain(node.find("title"))
        paras = node.findall("para")
        if kind == "see":
            self.see.extend(paras)
        elif kind == "par" and title == "Example":
            self.examples.extend(paras)
        elif kind == "par" and title == "Errors":
            self.errors.extend(paras)
        elif kind == "par" and title == "Attributes":
            self.attributes.extend(paras)
        elif kind == "par" and title == "History":
            self.history.extend(paras)
        elif kind in ("warning", "note", "par"):
            self.notes.append((title or None, paras))
        else:
            raise SystemExit("doxygen2man: no place for @%s %r" % (kind, title))


class Page:
    def __init__(self, name, version, date):
        self.name = name
        self.roff = Roff()
        self.roff.request('.TH %s 3 %s "libpyoldbuf %s" "libpyoldbuf"'
                          % (escape(name), date, version))

    def section(self, title):
        self.roff.request(".SH " + quote(title))

    def opening(self, names, brief):
        """NAME (names, and brief as "get ..."), LIBRARY, and the start of
        SYNOPSIS: .nf and the includes."""
        text = self.roff.inline(brief).strip().rstrip(".")
        if re.match(r"[A-Z][a-z ]", text):
            text = text[0].lower() + text[1:]
        self.section("NAME")
        self.roff.text("%s \\- %s" % (", ".join(escape(n) for n in names),
                                       text))
        self.section("LIBRARY")
        self.roff.lines.append(LIBRARY)
        self.section("SYNOPSIS")
        self.roff.request(".nf")
        for line in SYNOPSIS_INCLUDES:
            self.roff.request(".B " + quote(escape(line)))

    def attributes(self, names, paras):
        """ATTRIBUTES, the man-pages(7) table: "Attribute: Value.  More."
        paragraphs give its rows, the rest follows the table."""
        self.section("ATTRIBUTES")
        self.roff.text("For an explanation of the terms used in this "
                       "section, see")
        self.roff.request(".BR attributes (7).")
        self.roff.lines += [".TS", "allbox;", "lbx lb lb", "l l l.",
                            "Interface\tAttribute\tValue"]
        notes = []
        for para in paras:
            match = re.match(r"([A-Z][\w ]*): ([\w-]+)\.\s*(.*)", plain(para))
            if not match:
                raise SystemExit("doxygen2man: an Attributes paragraph is "
                                 "\"Attribute: Value.  More.\"")
            self.roff.lines += ["T{"]
            # Font escapes, not macros: mandoc takes no macro in a table.
            self.roff.lines += [",\n".join("\\fB%s\\fP()" % escape(n)
                                            for n in names)]
            self.roff.lines += ["T}\t%s\t%s" % (escape(match.group(1)),
                                                escape(match.group(2)))]
            if match.group(3):
                notes.append(match.group(3))
        self.roff.lines.append(".TE")
        for note in notes:
            self.roff.request(".PP")
            self.roff.text(escape(note))

    def see_also(self, paras, own):
        """SEE ALSO from the name(3) references in paras, own page left out."""
        names = []
        for para in paras:
            for name, sect in re.findall(r"([\w.\-]+)\((\d)\)", plain(para)):
                if name != own and (name, sect) not in names:
                    names.append((name, sect))
        if not names:
            raise SystemExit("doxygen2man: %s has no @see with name(3)"
                             % own)
        self.section("SEE ALSO")
        self.roff.lines.append(",\n".join(".BR \\%%%s (%s)" % (escape(n), s)
                                          for n, s in names))

    def write(self, outdir, aliases=()):
        """Write the page, and for each of aliases a page that sources it
        (.so); return the names of all."""
        # No paragraph break that starts a section or ends one.
        lines = self.roff.lines
        heads = (".SH", ".SS", ".PP", ".TP", ".IP")
        kept = []
        for i, line in enumerate(lines):
            if line == ".PP" and (kept[-1].startswith(heads)
                                  or i + 1 == len(lines)
                                  or lines[i + 1].startswith(heads)):
                continue
            kept.append(line)
        # A table needs tbl, which this first line asks man to run.
        if ".TS" in kept:
            kept.insert(0, "'\\\" t")
        with open(os.path.join(outdir, self.name + ".3"), "w") as f:
            f.write("\n".join(kept) + "\n")
        for alias in aliases:
            with open(os.path.join(outdir, alias + ".3"), "w") as f:
                f.write(".so man3/%s.3\n" % self.name)
        return [self.name] + list(aliases)


def prototype(member):
    """The prototype of a function memberdef, as .BI lines."""
    head = "%s %s(" % (plain(member.find("type")), member.findtext("name"))
    params = member.findall("param")
    lines = []
    for i, param in enumerate(params):
        ptype = plain(param.find("type"))
        sep = "" if ptype.endswith("*") else " "
        end = ");" if i == len(params) - 1 else ","
        lead = head if i == 0 else " " * len(head)
        lines.append('.BI "%s%s%s" %s %s' % (escape(lead), escape(ptype), sep,
                                             escape(param.findtext("declname")),
                                             end))
    return lines


def parse(xmldir, name):
    return ET.parse(os.path.join(xmldir, name)).getroot().find("compounddef")


def function_page(group, version, date, outdir):
    name = group.findtext("compoundname")
    members = group.findall("sectiondef/memberdef")
    functions = [m for m in members if m.get("kind") == "function"]
    defines = [m for m in members if m.get("kind") == "define"]
    if len(functions) != 1:
        raise SystemExit("doxygen2man: group %s has %d functions"
                         % (name, len(functions)))
    function = functions[0]
    doc = Description(function.find("detaileddescription"))
    page = Page(name, version, date)
    roff = page.roff
    others = [function.findtext("name")] + [d.findtext("name") for d in defines]
    others = [o for o in others if o != name]

    page.opening([name] + others, group.find("briefdescription/para"))
    roff.request(".PP")
    roff.lines.extend(prototype(function))
    for define in defines:
        roff.request(".PP")
        roff.request(".B " + quote("#define %s %s" % (
            escape(define.findtext("name")),
            escape(plain(define.find("initializer"))))))
    roff.request(".fi")
    roff.request(".PP")
    roff.lines.append(LINK_LINE)

    page.section("DESCRIPTION")
    roff.paras(function.find("briefdescription").findall("para")
               + doc.body)
    if doc.params:
        roff.request(".PP")
        roff.text("The arguments:")
        for pname, paras in doc.params:
            roff.request(".TP")
            roff.request(".I " + pname)
            roff.paras(paras)
    page.section("RETURN VALUE")
    for value, paras in doc.retvals:
        roff.tagged(value, paras)
    page.section("ERRORS")
    roff.paras(doc.errors)
    for exception, paras in doc.exceptions:
        roff.tagged(exception, paras)
    if not doc.errors and not doc.exceptions:
        raise SystemExit("doxygen2man: %s documents no errors" % name)
    if not doc.attributes or not doc.history:
        raise SystemExit("doxygen2man: %s has no Attributes or History" % name)
    page.attributes([name] + others, doc.attributes)
    page.section("HISTORY")
    roff.paras(doc.history)
    page.section("NOTES")
    for i, (title, paras) in enumerate(doc.notes):
        if title:
            roff.request(".SS " + quote(escape(title)))
        elif i:
            roff.request(".PP")
        roff.paras(paras)
    page.section("EXAMPLES")
    if not doc.examples:
        raise SystemExit("doxygen2man: %s has no @par Example" % name)
    roff.paras(doc.examples)
    page.see_also(doc.see, name)
    return page.write(outdir, others)


def header_page(header, version, date, outdir):
    name = header.findtext("compoundname")
    doc = Description(header.find("detaileddescription"))
    # The header's own macros and the functions (whose pages are their
    # groups'); the legacy names' macros are on those pages.
    members = header.findall("sectiondef/memberdef")
    defines = [m for m in members if m.get("kind") == "define"
               and m.get("id").startswith(header.get("id"))]
    functions = [m for m in members if m.get("kind") == "function"]
    page = Page(name, version, date)
    roff = page.roff
    page.opening([name], header.find("briefdescription/para"))
    for function in functions:
        roff.request(".PP")
        roff.lines.extend(prototype(function))
    roff.request(".PP")
    for define in defines:
        roff.request(".B " + quote("#define %s" % escape(define.findtext("name"))))
    roff.request(".fi")
    roff.request(".PP")
    roff.lines.append(LINK_LINE)
    page.section("DESCRIPTION")
    roff.paras(doc.body)
    for title, paras in doc.notes:
        roff.request(".SS " + quote(escape(title or "Note")))
        roff.paras(paras)
    roff.request(".SS \"Version macros\"")
    for define in defines:
        roff.tagged(define.findtext("name"),
                    define.find("detaileddescription").findall("para"))
    page.section("EXAMPLES")
    roff.paras(doc.examples)
    page.see_also(doc.see, name)
    return page.write(outdir, [define.findtext("name") for define in defines])


def guide_page(guide, version, date, outdir):
    name = guide.findtext("compoundname")
    page = Page(name, version, date)
    roff = page.roff
    page.section("NAME")
    roff.text("%s \\- %s" % (escape(name),
                             escape(plain(guide.find("title")))))
    sections = guide.findall("detaileddescription/sect1")
    page.section("DESCRIPTION")
    see = []
    for i, sect in enumerate(sections):
        title = plain(sect.find("title"))
        if title == "See also":
            see = sect.findall("para")
            continue
        if i:
            roff.request(".SS " + quote(escape(title)))
        roff.paras(sect.findall("para"))
    page.see_also(see, name)
    return page.write(outdir)


def main():
    xmldir, outdir, version, header_file = sys.argv[1:5]
    epoch = os.environ.get("SOURCE_DATE_EPOCH") \
        or os.stat(header_file).st_mtime
    header = parse(xmldir, "oldbuffer_8h.xml")
    date = time.strftime("%Y-%m-%d", time.gmtime(int(float(epoch))))
    os.makedirs(outdir, exist_ok=True)
    pages = header_page(header, version, date, outdir)
    index = ET.parse(os.path.join(xmldir, "index.xml")).getroot()
    for compound in index.findall("compound"):
        if compound.get("kind") == "group":
            pages += function_page(parse(xmldir, compound.get("refid") + ".xml"),
                                   version, date, outdir)
        elif compound.get("kind") == "page" and \
                compound.get("refid").startswith("pyoldbuf-"):
            pages += guide_page(parse(xmldir, compound.get("refid") + ".xml"),
                                version, date, outdir)
    print("\n".join(sorted(pages)))


if __name__ == "__main__":
    main()
