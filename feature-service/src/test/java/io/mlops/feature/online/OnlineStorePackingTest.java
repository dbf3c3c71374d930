package io.mlops.feature.online;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OnlineStorePackingTest {

    @Test
    void aVectorSurvivesPackingBitForBitAsLittleEndianFloat64() {
        double[] vector = {0.1, -0.0, Double.MIN_VALUE, 1e308, Math.PI, Double.NaN};
        byte[] packed = OnlineStore.pack(vector);
        assertThat(packed).hasSize(48);
        // 1.0 little-endian is 00 00 00 00 00 00 f0 3f (IEEE 754)
        assertThat(OnlineStore.pack(new double[] {1.0})).containsExactly(0, 0, 0, 0, 0, 0, 0xf0, 0x3f);
        double[] back = OnlineStore.unpack(packed);
        for (int i = 0; i < vector.length; i++) {
            assertThat(Double.doubleToRawLongBits(back[i])).isEqualTo(Double.doubleToRawLongBits(vector[i]));
        }
    }

    @Test
    void valueAtReadsEachPackedValueBitForBit() {
        double[] vector = {0.1, -0.0, Double.MIN_VALUE, 1e308, Math.PI, Double.NaN};
        byte[] packed = OnlineStore.pack(vector);
        for (int i = 0; i < vector.length; i++) {
            assertThat(Double.doubleToRawLongBits(OnlineStore.valueAt(packed, i))).isEqualTo(Double.doubleToRawLongBits(vector[i]));
        }
    }

    @Test
    void keysNameSetVersionAndEntity() {
        assertThat(new String(OnlineStore.key("weather", 3, "rain"))).isEqualTo("fs:weather:3:rain");
    }
}
