/* am-extract-words.h — word classes for the extractor (see am-extract-words.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

extern const char * const am_words_org_keywords[];
extern const char * const am_words_org_last[];
extern const char * const am_words_media_keywords[];
extern const char * const am_words_known_media[];
extern const char * const am_words_known_orgs[];
extern const char * const am_words_title_core[];
extern const char * const am_words_title_modifiers[];
extern const char * const am_words_name_joiners[];
extern const char * const am_words_not_names[];
extern const char * const am_words_function_caps[];
extern const char * const am_words_month_abbreviations[];
extern const char * const am_words_not_actor[];
extern const char * const am_words_org_nouns[];
extern const char * const am_words_media_nouns[];
extern const char * const am_words_role_nouns[];
extern const char * const am_words_place_prepositions[];
extern const char * const am_words_speech_verbs[];
extern const char * const am_words_report_verbs[];
extern const char * const am_words_no_clause[];
extern const char * const am_words_pronouns_person[];
extern const char * const am_words_pronouns_thing[];
extern const char * const am_words_first_person[];
extern const char * const am_words_determiners[];
extern const char * const am_words_descriptions[];

/* Whether @word (@length bytes, not NUL-terminated) is one of @list, exactly. */
gboolean am_words_contains (const char * const *list,
                            const char         *word,
                            gsize               length);

G_END_DECLS
