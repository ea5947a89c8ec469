/* am-layout-job-private.h — the layout job's pieces inside the layout layer, and its test hook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-layout.h"

G_BEGIN_DECLS

/* One exchange with the helper (am-layout-runner.c): sends @input, checks how the helper
 * ended and returns its answer undecoded.  @spawned (transfer full, nullable) is a helper
 * started earlier; @import_name is the file's name for a DOT import, NULL for a layout. */
void     _am_layout_exchange_async        (GBytes              *input,
                                           const char          *import_name,
                                           const char          *helper_path,
                                           GSubprocess         *spawned,
                                           guint                timeout_seconds,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
GBytes  *_am_layout_exchange_finish       (GAsyncResult        *result,
                                           GError             **error);

/* A job for a request already built (am_layout_run_async() and the command line's
 * early helper): the task gets @source_tag, its result is an AmScene. */
void     _am_layout_job_start_for_request (AmLayoutRequest     *request,
                                           const char          *helper_path,
                                           GSubprocess         *spawned,
                                           guint                timeout_seconds,
                                           GCancellable        *cancellable,
                                           gpointer             source_tag,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);

/* Tests only: called on the worker thread at the start of the PREPARING and READING
 * work, so a test can see which thread does it and cancel from inside it.  Set it
 * before any job runs and clear it after the last one. */
typedef void (*AmLayoutWorkerHook) (AmLayoutPhase phase,
                                    gpointer      data);

void     _am_layout_job_set_worker_hook   (AmLayoutWorkerHook   hook,
                                           gpointer             data);

G_END_DECLS
