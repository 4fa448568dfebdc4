/* SPDX-License-Identifier: MIT */
/*
 * elf.c - pyoldbuf-scan's reader of built modules, with elfutils' libelf
 *
 * A module is read as the dynamic loader reads it: its program headers
 * give the dynamic segment, whose entries give the symbol table, its
 * strings, its size (from the hash tables) and the NEEDED libraries; the
 * section headers, which a stripped or packed module may lack, are only
 * the fallback when there is no dynamic segment.  An undefined symbol that
 * is a legacy name binds libpython's ABI-only copy; a pyoldbuf_ one comes
 * from libpyoldbuf only when libpyoldbuf.so.N is NEEDED.
 */
#include <gelf.h>
#include <libelf.h>
#include <stdlib.h>
#include <string.h>

#include "scan.h"

int
is_elf(const char *image, size_t size)
{
	return size >= SELFMAG && memcmp(image, ELFMAG, SELFMAG) == 0;
}

/* What a module's dynamic symbols are, wherever they were read from. */
struct dynamic {
	Elf_Data *symbols;    /* ELF_T_SYM */
	size_t count;
	Elf_Data *strings;    /* ELF_T_BYTE */
	int linked;           /* NEEDED libpyoldbuf.so.N */
};

/* The file offset of the virtual address addr, or -1. */
static long long
file_offset(Elf *elf, size_t phnum, GElf_Addr addr)
{
	size_t i;

	for (i = 0; i < phnum; i++) {
		GElf_Phdr phdr;

		if (gelf_getphdr(elf, (int)i, &phdr) != NULL
		    && phdr.p_type == PT_LOAD && addr >= phdr.p_vaddr
		    && addr - phdr.p_vaddr < phdr.p_filesz)
			return (long long)(addr - phdr.p_vaddr + phdr.p_offset);
	}
	return -1;
}

/* size bytes of the file at the address addr, as type; NULL if not there. */
static Elf_Data *
chunk(Elf *elf, size_t phnum, GElf_Addr addr, size_t size, Elf_Type type)
{
	long long offset = file_offset(elf, phnum, addr);

	return offset < 0 || size == 0 ? NULL
		: elf_getdata_rawchunk(elf, offset, size, type);
}

/* The number of symbols a GNU hash table at addr covers, or 0. */
static size_t
gnu_hash_count(Elf *elf, size_t phnum, GElf_Addr addr, int class64)
{
	Elf_Data *head = chunk(elf, phnum, addr, 16, ELF_T_WORD);
	const GElf_Word *h;
	GElf_Word nbuckets, symoffset, bloom, max = 0, i;
	GElf_Addr at;
	Elf_Data *data;

	if (head == NULL)
		return 0;
	h = head->d_buf;
	nbuckets = h[0], symoffset = h[1], bloom = h[2];
	at = addr + 16 + (GElf_Addr)bloom * (class64 ? 8 : 4);
	data = chunk(elf, phnum, at, (size_t)nbuckets * 4, ELF_T_WORD);
	if (data == NULL)
		return nbuckets == 0 ? symoffset : 0;
	for (i = 0; i < nbuckets; i++)
		if (((const GElf_Word *)data->d_buf)[i] > max)
			max = ((const GElf_Word *)data->d_buf)[i];
	if (max < symoffset)
		return symoffset;
	/* The chain of the last bucket ends at the last symbol. */
	at += (GElf_Addr)nbuckets * 4;
	for (;;) {
		data = chunk(elf, phnum, at + (GElf_Addr)(max - symoffset) * 4, 4,
		             ELF_T_WORD);
		if (data == NULL)
			return 0;
		if (*(const GElf_Word *)data->d_buf & 1)
			return (size_t)max + 1;
		max++;
	}
}

/* The dynamic symbols through the dynamic segment; 0 if it has none. */
static int
from_segment(Elf *elf, struct dynamic *d)
{
	size_t phnum, i, n;
	GElf_Addr symtab = 0, strtab = 0, hash = 0, gnu_hash = 0;
	GElf_Xword strsz = 0, syment = 0;
	GElf_Phdr phdr;
	Elf_Data *dyn = NULL, *data;
	GElf_Ehdr ehdr;

	if (elf_getphdrnum(elf, &phnum) != 0 || gelf_getehdr(elf, &ehdr) == NULL)
		return 0;
	for (i = 0; i < phnum && dyn == NULL; i++)
		if (gelf_getphdr(elf, (int)i, &phdr) != NULL
		    && phdr.p_type == PT_DYNAMIC)
			dyn = elf_getdata_rawchunk(elf, (int64_t)phdr.p_offset,
			                           phdr.p_filesz, ELF_T_DYN);
	if (dyn == NULL)
		return 0;
	n = phdr.p_filesz / gelf_fsize(elf, ELF_T_DYN, 1, EV_CURRENT);
	for (i = 0; i < n; i++) {
		GElf_Dyn entry;

		if (gelf_getdyn(dyn, (int)i, &entry) == NULL
		    || entry.d_tag == DT_NULL)
			break;
		switch (entry.d_tag) {
		case DT_SYMTAB: symtab = entry.d_un.d_ptr; break;
		case DT_STRTAB: strtab = entry.d_un.d_ptr; break;
		case DT_STRSZ: strsz = entry.d_un.d_val; break;
		case DT_SYMENT: syment = entry.d_un.d_val; break;
		case DT_HASH: hash = entry.d_un.d_ptr; break;
		case DT_GNU_HASH: gnu_hash = entry.d_un.d_ptr; break;
		default: break;
		}
	}
	d->strings = chunk(elf, phnum, strtab, strsz, ELF_T_BYTE);
	if (d->strings == NULL || symtab == 0)
		return 0;
	for (i = 0; i < n; i++) {
		GElf_Dyn entry;

		if (gelf_getdyn(dyn, (int)i, &entry) == NULL
		    || entry.d_tag == DT_NULL)
			break;
		if (entry.d_tag == DT_NEEDED && entry.d_un.d_val < strsz
		    && strncmp((const char *)d->strings->d_buf + entry.d_un.d_val,
		               "libpyoldbuf.so", 14) == 0)
			d->linked = 1;
	}
	if (hash != 0 && (data = chunk(elf, phnum, hash, 8, ELF_T_WORD)) != NULL)
		d->count = ((const GElf_Word *)data->d_buf)[1];
	else if (gnu_hash != 0)
		d->count = gnu_hash_count(elf, phnum, gnu_hash,
		                          ehdr.e_ident[EI_CLASS] == ELFCLASS64);
	if (syment == 0)
		syment = gelf_fsize(elf, ELF_T_SYM, 1, EV_CURRENT);
	if (d->count == 0 || d->count > (size_t)-1 / syment)
		return 0;
	d->symbols = chunk(elf, phnum, symtab, d->count * syment, ELF_T_SYM);
	return d->symbols != NULL;
}

/* The dynamic symbols through the section headers; 0 if none. */
static int
from_sections(Elf *elf, struct dynamic *d)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr shdr;
	int found_symbols = 0;

	while ((scn = elf_nextscn(elf, scn)) != NULL) {
		Elf_Data *data, *names;
		size_t i, n;

		if (gelf_getshdr(scn, &shdr) == NULL || shdr.sh_entsize == 0)
			continue;
		if (shdr.sh_type == SHT_DYNSYM && (data = elf_getdata(scn, NULL)) != NULL
		    && (names = elf_getdata(elf_getscn(elf, shdr.sh_link), NULL)) != NULL) {
			d->symbols = data;
			d->count = shdr.sh_size / shdr.sh_entsize;
			d->strings = names;
			found_symbols = 1;
		} else if (shdr.sh_type == SHT_DYNAMIC
		           && (data = elf_getdata(scn, NULL)) != NULL) {
			names = elf_getdata(elf_getscn(elf, shdr.sh_link), NULL);
			n = shdr.sh_size / shdr.sh_entsize;
			for (i = 0; i < n && names != NULL; i++) {
				GElf_Dyn entry;

				if (gelf_getdyn(data, (int)i, &entry) != NULL
				    && entry.d_tag == DT_NEEDED
				    && entry.d_un.d_val < names->d_size
				    && strncmp((const char *)names->d_buf + entry.d_un.d_val,
				               "libpyoldbuf.so", 14) == 0)
					d->linked = 1;
			}
		}
	}
	return found_symbols;
}

/*
 * The CPython minor version a module's name says it was built for
 * (name.cpython-311-x86_64-linux-gnu.so: 11, name.cpython-37m-...: 7), or
 * -1.
 */
static int
python_minor(const char *file)
{
	const char *tag = strstr(file, ".cpython-3");
	char *end;
	long minor;

	if (tag == NULL)
		return -1;
	minor = strtol(tag + 10, &end, 10);
	/* Then ABI flags (3.7's m, 3.13's t) or the platform. */
	return end != tag + 10 && (*end == '-' || (*end >= 'a' && *end <= 'z'))
		? (int)minor : -1;
}

void
scan_elf(const char *file, char *image, size_t size)
{
	Elf *elf = elf_memory(image, size);
	struct dynamic d;
	size_t i;

	memset(&d, 0, sizeof(d));
	if (elf == NULL || elf_kind(elf) != ELF_K_ELF) {
		warn_file(file, elf_errno() != 0 ? elf_errmsg(-1)
		          : "an ELF magic number, but no valid ELF header");
		if (elf != NULL)
			elf_end(elf);
		return;
	}
	if (!from_segment(elf, &d)) {
		memset(&d, 0, sizeof(d));
		(void)from_sections(elf, &d);
	}
	for (i = 1; d.symbols != NULL && d.strings != NULL && i < d.count; i++) {
		GElf_Sym sym;
		const char *name;
		const char *kind;

		if (gelf_getsym(d.symbols, (int)i, &sym) == NULL
		    || sym.st_shndx != SHN_UNDEF || sym.st_name >= d.strings->d_size)
			continue;
		name = (const char *)d.strings->d_buf + sym.st_name;
		if (memchr(name, '\0', d.strings->d_size - sym.st_name) == NULL)
			continue;
		if (lookup(legacy_names, name, strlen(name)) >= 0) {
			int minor = python_minor(file);

			kind = "abi-only-import";
			found |= minor >= 0 && minor < 13 ? FOUND_OLD_PYTHON
				: FOUND_NEW_PYTHON;
		} else if (lookup(library_names, name, strlen(name)) >= 0) {
			kind = d.linked ? "libpyoldbuf-import"
				: "unlinked-pyoldbuf-import";
		} else {
			continue;
		}
		report(file, 0, name, kind);
		module_import(kind);
	}
	elf_end(elf);
}
