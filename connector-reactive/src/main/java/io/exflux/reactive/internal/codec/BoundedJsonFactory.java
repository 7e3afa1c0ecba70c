package io.exflux.reactive.internal.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;

/**
 * Jackson's JSON factory with one more read constraint: every decimal a parser hands out passes
 * {@link BoundedDecimals}. Records and trees ({@code readTree}) both read decimals through
 * {@link JsonParser#getDecimalValue()}, so a number like {@code 1e99999999} fails the read with a
 * {@link StreamConstraintsException}, the same kind of error as Jackson's own limits, which every caller
 * already treats as an unreadable body or a malformed frame.
 */
final class BoundedJsonFactory extends JsonFactory {

    private static final long serialVersionUID = 1L;

    BoundedJsonFactory() {
    }

    private BoundedJsonFactory(BoundedJsonFactory source, ObjectCodec codec) {
        super(source, codec);
    }

    @Override
    public JsonFactory copy() {
        return new BoundedJsonFactory(this, null);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
        return new BoundedParser(super._createParser(in, context));
    }

    @Override
    protected JsonParser _createParser(Reader reader, IOContext context) throws IOException {
        return new BoundedParser(super._createParser(reader, context));
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable)
            throws IOException {
        return new BoundedParser(super._createParser(data, offset, length, context, recyclable));
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
        return new BoundedParser(super._createParser(data, offset, length, context));
    }

    @Override
    protected JsonParser _createParser(DataInput input, IOContext context) throws IOException {
        return new BoundedParser(super._createParser(input, context));
    }

    /** A parser whose decimals are checked as they are handed out. */
    private static final class BoundedParser extends JsonParserDelegate {

        BoundedParser(JsonParser parser) {
            super(parser);
        }

        @Override
        public BigDecimal getDecimalValue() throws IOException {
            BigDecimal value = super.getDecimalValue();
            if (!BoundedDecimals.fits(value)) {
                throw new StreamConstraintsException("number out of range: " + BoundedDecimals.describe(value),
                        currentLocation());
            }
            return value;
        }
    }
}
