/* am-program.h — finding Actormap's own executables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *am_program_find (const char *env_var,
                       const char *built_path,
                       const char *installed_dir,
                       const char *name);

G_END_DECLS
