using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace Reports.Cli;

/// <summary>
/// Checks inputs on all cores and hands the results back in input order, as they finish. At most
/// <see cref="InFlightPerCore"/> × cores files are being checked or waiting to be taken, so memory does not grow with the
/// number of files: what the caller keeps of each result is all that stays.
/// </summary>
internal static class CheckPipeline
{
    /// <summary>Files in flight per core: enough to keep every core busy while one slow file holds up the order.</summary>
    public const int InFlightPerCore = 4;

    /// <summary>
    /// The checked inputs, in order. Drafts are dropped as soon as a file is checked unless <paramref name="keepDrafts"/>.
    /// A progress line (files, files/s) goes to standard error when it is a terminal and more than 20 files are checked.
    /// </summary>
    public static IEnumerable<CheckedReport> Run(IEnumerable<ReportInput> inputs, bool keepDrafts)
    {
        int cores = Math.Max(1, Environment.ProcessorCount);
        var channel = Channel.CreateBounded<Task<CheckedReport>>(new BoundedChannelOptions(InFlightPerCore * cores)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var stop = new CancellationTokenSource();
        Task producer = Task.Run(() => Produce(inputs, keepDrafts, channel.Writer, stop.Token));
        var progress = new Progress(!Console.IsErrorRedirected);
        try
        {
            while (channel.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (channel.Reader.TryRead(out Task<CheckedReport>? pending))
                {
                    CheckedReport report = pending.GetAwaiter().GetResult();
                    progress.Done();
                    yield return report;
                }
            }
        }
        finally
        {
            // The caller stopped early (or failed): let the producer end instead of blocking on a full channel.
            stop.Cancel();
            while (channel.Reader.TryRead(out _))
            {
            }

            producer.ContinueWith(static _ => { }, TaskScheduler.Default).GetAwaiter().GetResult();
            progress.Clear();
        }

        producer.GetAwaiter().GetResult();
    }

    private static async Task Produce(IEnumerable<ReportInput> inputs, bool keepDrafts, ChannelWriter<Task<CheckedReport>> writer, CancellationToken stop)
    {
        Exception? failure = null;
        try
        {
            foreach (ReportInput input in inputs)
            {
                Task<CheckedReport> check = Task.Run(() =>
                {
                    CheckedReport report = ReportChecker.Check(input);
                    return keepDrafts ? report : report.WithoutDraft();
                });
                await writer.WriteAsync(check, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // handed to the reader, which rethrows it
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failure = ex;
        }

        writer.TryComplete(failure);
    }

    /// <summary>The throttled progress line: at most four updates a second.</summary>
    private sealed class Progress
    {
        private readonly bool _enabled;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _done;
        private long _lastTick;
        private bool _shown;

        public Progress(bool enabled) => _enabled = enabled;

        public void Done()
        {
            _done++;
            if (!_enabled || _done <= 20 || Environment.TickCount64 - _lastTick < 250)
            {
                return;
            }

            _lastTick = Environment.TickCount64;
            _shown = true;
            double rate = _done / Math.Max(_clock.Elapsed.TotalSeconds, 1e-9);
            Console.Error.Write(FormattableString.Invariant($"\rchecked {_done} ({rate:F0} files/s)"));
        }

        public void Clear()
        {
            if (_shown)
            {
                Console.Error.Write("\r" + new string(' ', 60) + "\r");
            }
        }
    }
}
