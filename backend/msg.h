/*
 * msg.h: every message the library and the CGI can show, by key.
 *
 * A message is a key and up to MSG_NPARAM parameters, never a sentence
 * built in C: the texts live in templates/lang/en.hdf and it.hdf under
 * Msg.<key>, where {1}, {2}, {3} stand for the parameters. The CGI
 * renders a message in the page's language (cgi/http.c, out_msg); the
 * root side, which reads no template, in English from msg_en[], which
 * the build generates from en.hdf (tools/msgcat.awk), so the English
 * text is written once.
 *
 * MSG_LIST is the one list of keys: X(key, params). params spells one
 * letter per parameter:
 *   s  text, shown as it is (a label, a hostname, a number)
 *   k  the key of a message of no parameter (a word: "a space"), shown
 *      in the page's language
 *   p  a provider id, shown as the provider's name
 * check_lang walks this list: each key must have a text in both files,
 * using only the parameters it has.
 */
#ifndef DDNS_MSG_H
#define DDNS_MSG_H

#include <stdarg.h>
#include <stddef.h>

#define MSG_NPARAM	3
#define MSG_PARAM_SZ	96	/* bytes of a parameter, with the NUL */
#define MSG_TEXT_SZ	512	/* bytes of a rendered message, with the NUL */
#define MSG_NUM_SZ	24	/* msg_num's buffer: NUM_SZ of num.h */

#define MSG_LIST(X)							\
	X(none, "")							\
	X(refused, "")		/* an unknown key: the generic text */	\
	X(fault, "s")		/* a system fault, said by the system */ \
	X(oom, "")							\
	/* host names (val_hostname) */					\
	X(label_empty, "")						\
	X(label_long, "ss")						\
	X(label_char, "s")						\
	X(label_word, "k")						\
	X(label_hyphen_start, "s")					\
	X(label_hyphen_end, "s")					\
	X(name_idn, "s")						\
	X(name_ascii_only, "")						\
	X(name_empty, "")						\
	X(name_long, "s")						\
	X(name_single, "s")						\
	X(name_digits, "")						\
	X(name_too_long, "")						\
	/* characters named in a message */				\
	X(ch_space, "")							\
	X(ch_control, "")						\
	X(ch_nonascii, "")						\
	/* text fields (check_text, check_shown), one key per field */	\
	X(desc_bytes, "s")						\
	X(desc_utf8, "")						\
	X(desc_control, "")						\
	X(desc_chars, "ss")						\
	X(desc_unseen, "sk")						\
	X(login_bytes, "s")						\
	X(login_utf8, "")						\
	X(login_control, "")						\
	X(login_chars, "ss")						\
	X(login_unseen, "sk")						\
	X(password_bytes, "s")						\
	X(password_utf8, "")						\
	X(password_control, "")						\
	X(password_chars, "ss")						\
	X(value_long, "")						\
	X(login_hash, "")						\
	X(login_password_eq, "")					\
	X(password_settings, "")					\
	/* characters a page would not show (check_shown's table) */	\
	X(u_soft_hyphen, "")						\
	X(u_cgj, "")							\
	X(u_arabic_letter_mark, "")					\
	X(u_hangul_filler, "")						\
	X(u_khmer_vowel, "")						\
	X(u_mongolian_vs, "")						\
	X(u_mongolian_vowel_sep, "")					\
	X(u_zwsp, "")							\
	X(u_zwnj, "")							\
	X(u_zwj, "")							\
	X(u_lrm, "")							\
	X(u_rlm, "")							\
	X(u_line_sep, "")						\
	X(u_para_sep, "")						\
	X(u_lre, "")							\
	X(u_rle, "")							\
	X(u_pdf, "")							\
	X(u_lro, "")							\
	X(u_rlo, "")							\
	X(u_word_joiner, "")						\
	X(u_function_application, "")					\
	X(u_invisible_times, "")					\
	X(u_invisible_separator, "")					\
	X(u_invisible_plus, "")						\
	X(u_reserved_invisible, "")					\
	X(u_lri, "")							\
	X(u_rli, "")							\
	X(u_fsi, "")							\
	X(u_pdi, "")							\
	X(u_deprecated_format, "")					\
	X(u_variation_selector, "")					\
	X(u_zwnbsp, "")							\
	X(u_halfwidth_hangul_filler, "")				\
	X(u_interlinear, "")						\
	X(u_shorthand_format, "")					\
	X(u_musical_format, "")						\
	X(u_tag, "")							\
	/* the other fields */						\
	X(server_ipv6, "")						\
	X(server_form, "")						\
	X(server_port, "")						\
	X(server_url, "s")						\
	X(server_long, "")						\
	X(protocol_choose, "")						\
	X(tsig_name_form, "")						\
	X(tsig_name_start, "")						\
	X(tsig_secret_form, "")						\
	X(algorithm_choose, "")						\
	X(family_choose, "")						\
	X(flag_tick, "")						\
	X(provider_choose, "")						\
	/* required fields left empty (host.h, HOST_FIELDS' ask) */	\
	X(ask_hostname, "")						\
	X(ask_login, "")						\
	X(ask_password, "")						\
	X(ask_provider, "")						\
	X(ask_server, "")						\
	X(ask_protocol, "")						\
	X(ask_zone, "")							\
	X(ask_algorithm, "")						\
	X(field_unused, "p")						\
	/* the installed ddclient (check_version, check_below) */	\
	X(ver_provider, "ss")						\
	X(ver_0x85, "")							\
	X(ver_dual, "s")						\
	X(ver_no_v4, "s")						\
	X(ver_no_v6, "s")						\
	X(ver_no_dual, "s")						\
	X(below_zone, "s")						\
	X(below_login, "s")						\
	/* a stored row (val_stored, apply_vet) */			\
	X(stored_spelling, "")						\
	X(stored_damaged, "")						\
	X(stored_enabled, "")						\
	X(stored_duplicate, "")						\
	X(import_duplicate, "")						\
	X(plain_http, "s")						\
	X(other_account, "ss")						\
	/* address sources (source.c, conf.c, vet.c) */			\
	X(source_choose, "")						\
	X(source_unknown, "s")						\
	X(source_refused, "sks")					\
	X(source_no_v4, "s")						\
	X(source_no_v6, "s")						\
	X(source_v6_global, "s")					\
	X(src_empty, "")						\
	X(src_kind, "")							\
	X(src_if, "")							\
	X(src_url, "")							\
	X(src_cmd_path, "")						\
	X(src_cmd_missing, "")						\
	X(src_cmd_link, "")						\
	X(src_cmd_owner, "")						\
	X(src_cmd_writable, "")						\
	X(src_cmd_exec, "")						\
	/* the root side's own verdicts (apply.c, the report) */	\
	X(left_keyfile, "s")						\
	X(apply_failed, "s")						\
	X(kept_not_taken, "")						\
	/* the import of a hand-written configuration (import.c) */	\
	X(imp_ours, "")							\
	X(imp_w_escape, "s")						\
	X(imp_w_quote, "s")						\
	X(imp_w_deprecated, "s")					\
	X(imp_w_blanks, "s")						\
	X(imp_w_eof, "s")						\
	X(imp_too_long, "ss")						\
	X(imp_daemon_writes, "ss")					\
	X(imp_daemon_leaves, "ss")					\
	X(imp_quiet, "s")						\
	X(imp_env_310, "s")						\
	X(imp_env, "s")							\
	X(imp_unknown, "ss")						\
	X(imp_changes, "s")						\
	X(imp_protocol, "")						\
	X(imp_nsupdate, "")						\
	X(imp_not_bool, "s")						\
	X(imp_no_source, "ss")						\
	X(import_failed, "")						\
	X(import_too_much, "")						\
	/* the store */							\
	X(db_busy, "")							\
	X(db_damaged, "ss")						\
	X(db_newer, "ss")						\
	X(db_older, "sss")						\
	X(db_missing, "s")						\
	X(db_preparing, "s")						\
	X(db_updating, "s")						\
	X(db_reading_version, "s")					\
	X(db_opening, "s")						\
	X(db_hardening, "s")						\
	X(db_reading_hosts, "s")					\
	X(db_reading_host, "s")						\
	X(db_writing, "s")						\
	X(db_checking_hostname, "s")					\
	X(db_reading_pending, "s")					\
	X(db_reading_history, "s")					\
	X(host_gone, "s")						\
	X(host_exists, "s")						\
	X(host_changed, "ss")						\
	X(no_version, "")						\
	/* the request */						\
	X(req_ctype, "")						\
	X(req_clen, "")							\
	X(req_big, "s")							\
	X(req_short, "")						\
	X(req_ids, "")							\
	X(req_id, "")							\
	X(req_version, "")						\
	X(req_login, "")						\
	X(req_origin, "")						\
	X(req_csrf, "")							\
	X(req_method, "")						\
	X(req_method_page, "s")						\
	X(req_page, "")							\
	X(req_page_number, "")						\
	X(form_name_escape, "")						\
	X(form_name_nul, "")						\
	X(form_name_utf8, "")						\
	X(form_unknown, "s")						\
	X(form_twice, "s")						\
	X(form_value_escape, "s")					\
	X(form_value_nul, "s")						\
	X(form_value_utf8, "s")					\
	/* secret binding (issue 18) */					\
	X(secret_again, "")						\
	X(secret_tsig_again, "")					\
	X(login_colon, "")						\
	/* dns check (issue 20) */					\
	X(dns_off, "")							\
	X(dns_not_yet, "")						\
	X(dns_not_listed, "")						\
	X(dns_before_update, "")					\
	X(dns_nothing, "")						\
	X(dns_timeout, "s")						\
	X(dns_failed, "s")						\
	X(dns_bogus, "s")						\
	X(dns_rcode, "s")						\
	/* presets (issue 19) */					\
	X(ver_v6_global_dual, "s")					\
	X(ver_v6_global_v4, "s")					\
	X(ver_group_mx, "s")						\
	X(ver_dual_desec, "s")						\
	X(ver_dual_split, "s")

enum msg_id {
#define MSG_ENUM(key, params) MSG_##key,
	MSG_LIST(MSG_ENUM)
#undef MSG_ENUM
	MSG__MAX
};

/* A message: a key and its parameters, each already cut to fit. */
struct dd_msg {
	enum msg_id	 id;		/* MSG_none: no message */
	char		 param[MSG_NPARAM][MSG_PARAM_SZ];
};

/* The English texts, generated from en.hdf's Msg (build/msg_en.c); NULL
 * where en.hdf lacks one, which check_lang refuses. */
extern const char *const msg_en[MSG__MAX];

/* msg_key / msg_params: the key ("label_empty") and the parameter
 * letters ("ss") of id; msg_key of an id out of range is NULL. */
const char *msg_key(enum msg_id id);
const char *msg_params(enum msg_id id);

/* msg_find: the id of key, or -1. */
int msg_find(const char *key);

/*
 * msg_set: m = id with the parameters that follow (one const char * per
 * letter of msg_params(id), NULL for ""), each cut to MSG_PARAM_SZ - 1
 * bytes on a character boundary. msg_vset takes them from ap, up to
 * MSG_END, which the msg_set and dd_fail macros append: a call with more
 * or fewer parameters than its key has is never read past its last
 * argument, and gives MSG_refused (so a test that sees the message sees
 * the slip).
 */
extern const char msg_end[];
#define MSG_END msg_end
void (msg_set)(struct dd_msg *m, enum msg_id id, ...);
#define msg_set(m, ...) (msg_set)(m, __VA_ARGS__, MSG_END)
void msg_vset(struct dd_msg *m, enum msg_id id, va_list ap);

/* msg_num: n in decimal in buf, for a parameter (num_format); returns
 * where it starts in buf. */
const char *msg_num(char buf[MSG_NUM_SZ], long long n);

/*
 * msg_word: how a renderer names the parameter of a k or p letter: the
 * text of the key w (k) or the name of provider w (p) in its language,
 * or NULL when there is none (the message is then refused whole).
 */
typedef const char *(*msg_word_fn)(void *arg, int letter, const char *w);

/*
 * msg_format: render m with the text tmpl (its {1}, {2}, {3} replaced by
 * the parameters as they are, never read as a format; a parameter the
 * key does not have gives "") into out (outsz bytes, cut on a character
 * boundary). Returns 0, or -1 (out untouched) when m's id is out of
 * range or a k or p parameter names nothing: the caller then renders
 * MSG_refused. Pure.
 */
int msg_format(const char *tmpl, const struct dd_msg *m, msg_word_fn word,
    void *arg, char *out, size_t outsz);

/* msg_english: m in English (msg_en) into out; the generic text when m
 * cannot be rendered. For logs and stderr. Returns out. */
const char *msg_english(const struct dd_msg *m, char *out, size_t outsz);

#endif
