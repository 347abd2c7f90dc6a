//! The page of GB/T 9704-2012 as Word measures it: A4, the margins, the
//! 22 × 28 grid, type sizes and indents, all in twips (1/20 pt).

/// Twips per millimetre: 1440 twips to the inch.
const TWIPS_PER_MM: f64 = 1440.0 / 25.4;

/// Millimetres to twips, rounded to the nearest twip.
pub fn twips(mm: f64) -> u32 {
    (mm * TWIPS_PER_MM).round() as u32
}

pub const PAGE_WIDTH_MM: f64 = 210.0;
pub const PAGE_HEIGHT_MM: f64 = 297.0;
pub const MARGIN_TOP_MM: f64 = 37.0;
pub const MARGIN_BOTTOM_MM: f64 = 35.0;
pub const MARGIN_LEFT_MM: f64 = 28.0;
pub const MARGIN_RIGHT_MM: f64 = 26.0;
/// The page number's baseline line sits 7 mm below the type area.
const PAGE_NUMBER_BELOW_MM: f64 = 7.0;

pub const LINES_PER_PAGE: u32 = 22;
pub const CHARS_PER_LINE: u32 = 28;

/// Type sizes in points: 2号, 3号, 4号.
pub const TITLE_PT: u32 = 22;
pub const BODY_PT: u32 = 16;
pub const PAGE_NUMBER_PT: u32 = 14;

/// Half-points, the unit of `w:sz`.
pub fn half_points(pt: u32) -> usize {
    pt as usize * 2
}

/// The type area's width and height in twips.
pub fn type_area() -> (u32, u32) {
    let width = twips(PAGE_WIDTH_MM) - twips(MARGIN_LEFT_MM) - twips(MARGIN_RIGHT_MM);
    let height = twips(PAGE_HEIGHT_MM) - twips(MARGIN_TOP_MM) - twips(MARGIN_BOTTOM_MM);
    (width, height)
}

/// `w:linePitch`: the largest pitch that still fits 22 lines.
pub fn line_pitch() -> u32 {
    type_area().1 / LINES_PER_PAGE
}

/// `w:charSpace`: what Word adds to the 3号 body size, in 1/4096 pt, so that
/// 28 characters fill a line (rounded down, so the 28th still fits).
pub fn char_space() -> i32 {
    let pitch_pt = f64::from(type_area().0) / f64::from(CHARS_PER_LINE) / 20.0;
    ((pitch_pt - f64::from(BODY_PT)) * 4096.0).floor() as i32
}

/// One character of the grid, in twips (a little under 16 pt).
pub fn char_pitch() -> i32 {
    let pt = f64::from(BODY_PT) + f64::from(char_space()) / 4096.0;
    (pt * 20.0).floor() as i32
}

/// The footer's distance from the bottom edge, so the page number line
/// starts 7 mm below the type area.
pub fn footer_distance() -> u32 {
    let line = PAGE_NUMBER_PT * 20 * 6 / 5;
    twips(MARGIN_BOTTOM_MM - PAGE_NUMBER_BELOW_MM) - line
}

/// One 4号 character: how far the page number sits in from the edge.
pub fn page_number_inset() -> i32 {
    (PAGE_NUMBER_PT * 20) as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grid_fits_the_type_area() {
        let (width, height) = type_area();
        // 156 × 225 mm, give or take the rounding of each margin.
        assert!((f64::from(width) / TWIPS_PER_MM - 156.0).abs() < 0.1);
        assert!((f64::from(height) / TWIPS_PER_MM - 225.0).abs() < 0.1);
        let pitch = line_pitch();
        assert!(pitch * 22 <= height && pitch * 23 > height);
        let char_pitch = f64::from(BODY_PT) + f64::from(char_space()) / 4096.0;
        let line_pt = f64::from(width) / 20.0;
        assert!(char_pitch * 28.0 <= line_pt && char_pitch * 29.0 > line_pt);
    }
}
