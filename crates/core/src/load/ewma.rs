//! Acute and chronic load, form and the acute:chronic ratio, from the daily series.
//!
//! Both loads are exponentially weighted moving averages (EWMA) of daily session-RPE load:
//! `EWMA_today = λ × load_today + (1 − λ) × EWMA_yesterday`, starting from 0 the day before the
//! first day given. λ = 2 / (N + 1), the decay Williams et al. used for the EWMA ratio ("Better
//! way to determine the acute:chronic workload ratio?", Br J Sports Med 2017;51:209–210), and
//! the usual choice in statistics because an EWMA with it has the same centre of mass as an
//! N-day simple average; λ = 1/N would weight each day less and lag further behind.
//!
//! - Acute load: N = 7 days.
//! - Chronic load: N = 42 days, the long time constant of Banister's fitness–fatigue model as
//!   training software uses it.
//! - Form = chronic − acute: negative while recent training runs above what the body is used to.
//! - The acute:chronic ratio follows Williams 2017: the 7-day EWMA over a 28-day EWMA (N = 28,
//!   not 42, as that paper defines it). It is undefined until 28 days of data exist (a chronic
//!   load of a week is not chronic) and while the 28-day load is zero.
//!
//! The ratio describes recent training against the month before. Whether it predicts injury is
//! disputed (Impellizzeri et al. 2020, "Acute:chronic workload ratio: conceptual issues and
//! fundamental pitfalls", IJSPP 15(6):907–913; Lolli et al. 2019, "Mathematical coupling causes
//! spurious correlation within the conventional acute-to-chronic workload ratio calculations",
//! BJSM 53:921–922), so the app never turns it into a risk.

use chrono::{Duration, NaiveDate};

use super::daily::Day;

pub const ACUTE_DAYS: u32 = 7;
pub const CHRONIC_DAYS: u32 = 42;
pub const RATIO_CHRONIC_DAYS: u32 = 28;
/// Days of data before the ratio means anything.
pub const RATIO_MIN_DAYS: i64 = 28;

/// λ = 2 / (N + 1).
pub fn lambda(n: u32) -> f64 {
    2.0 / (f64::from(n) + 1.0)
}

/// One day of the series, with the averages as of the end of that day.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub day: Day,
    pub acute: f64,
    pub chronic: f64,
    /// The 28-day EWMA the ratio divides by.
    pub chronic28: f64,
    pub form: f64,
    pub ratio: Option<f64>,
}

/// The averages over `days` (consecutive, oldest first). `data_since` is the first day with any
/// session at all (it may be before `days` begins: the series then starts warm only if `days`
/// reach far enough back, see `load::WARM_UP_DAYS`).
pub fn series(days: Vec<Day>, data_since: Option<NaiveDate>) -> Vec<Point> {
    let (la, lc, l28) = (lambda(ACUTE_DAYS), lambda(CHRONIC_DAYS), lambda(RATIO_CHRONIC_DAYS));
    let (mut a, mut c, mut c28) = (0.0_f64, 0.0_f64, 0.0_f64);
    days.into_iter()
        .map(|day| {
            let l = day.srpe.max(0.0);
            a = la * l + (1.0 - la) * a;
            c = lc * l + (1.0 - lc) * c;
            c28 = l28 * l + (1.0 - l28) * c28;
            let old_enough = data_since.is_some_and(|first| day.date >= first + Duration::days(RATIO_MIN_DAYS - 1));
            let ratio = (old_enough && c28 > 1e-9).then(|| a / c28);
            Point {
                day,
                acute: a,
                chronic: c,
                chronic28: c28,
                form: c - a,
                ratio,
            }
        })
        .collect()
}
