import {
  CurrencyResolver,
  DateTimeResolver,
  EmailAddressResolver,
  JSONResolver,
  LatitudeResolver,
  LongitudeResolver,
  SafeIntResolver,
  TimeZoneResolver,
} from 'graphql-scalars';
import { builder } from './builder';

builder.addScalarType('DateTime', DateTimeResolver);
builder.addScalarType('SafeInt', SafeIntResolver);
builder.addScalarType('JSON', JSONResolver);
builder.addScalarType('Currency', CurrencyResolver);
builder.addScalarType('TimeZone', TimeZoneResolver);
builder.addScalarType('Latitude', LatitudeResolver);
builder.addScalarType('Longitude', LongitudeResolver);
builder.addScalarType('EmailAddress', EmailAddressResolver);
