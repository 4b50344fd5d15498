"""The one loop of the suite's scheduled jobs: a batch at a time, one bad record never stops the others."""

import logging

_logger = logging.getLogger(__name__)


def run_batched(model, domain, process, batch_size=100, order="id", on_error=None):
    """Call ``process(batch)`` on the records of ``model`` matching ``domain``, ``batch_size`` at a time.

    Each batch runs in a savepoint; when it fails, its records are retried one by one, each in its own
    savepoint, and a record that fails alone goes to ``on_error(record, error)`` (default: logged) and is
    left out of the next batches. ``process`` must take its records out of ``domain`` (mark them sent,
    move their date), or the loop would meet them again.

    Run by the scheduler, each batch is committed with its progress, and the run stops when the cron's
    time is up (the next run goes on). Anywhere else (a button, a test, a shell) nothing is committed:
    ``_commit_progress`` would commit the caller's transaction. Returns the records that failed.
    """
    cron = model.env["ir.cron"]
    in_cron = bool(model.env.context.get("ir_cron_progress_id"))
    failed = model.browse()
    while True:
        todo_domain = list(domain) + ([("id", "not in", failed.ids)] if failed else [])
        batch = model.search(todo_domain, limit=batch_size, order=order)
        if not batch:
            break
        failed |= _process_batch(batch, process, on_error)
        if in_cron:
            remaining = model.search_count(list(domain) + [("id", "not in", failed.ids)])
            if not cron._commit_progress(len(batch), remaining=remaining):
                break
    return failed


def _process_batch(batch, process, on_error):
    try:
        with batch.env.cr.savepoint():
            process(batch)
        return batch.browse()
    except Exception:  # any error of one record: retry the batch one record at a time
        _logger.info("%s: batch of %s failed, retrying one by one", batch._name, len(batch))
    failed = batch.browse()
    for record in batch:
        try:
            with batch.env.cr.savepoint():
                process(record)
        except Exception as error:  # reported by on_error, the others go on
            failed |= record
            if on_error:
                on_error(record, error)
            else:
                _logger.exception("%s %s failed in its scheduled job", record._name, record.id)
    return failed
